// A host's profile (/enti/{id}): the "Stampa la scheda" button prints the page. An external
// module, because the Content-Security-Policy allows no inline script; without scripts the
// button stays hidden and the page says how to print (Ctrl+P).
for (const button of document.querySelectorAll("[data-stampa]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
