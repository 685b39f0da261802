// Loads the islands' wasm and hydrates each <leptos-island> (adapted from Leptos'
// island_script.js, MIT). An external module, so the Content-Security-Policy needs no inline
// script. `cargo xtask build` fills in the hashed file names.
import init, * as mod from "./__JS__";

const childrenCallbacks = [];

async function hydrateIsland(el) {
  const fn = mod[el.dataset.component];
  if (!fn) return;
  const cb = childrenCallbacks[childrenCallbacks.length - 1];
  if (cb) cb();
  const res = fn(el);
  if (res && res.then) await res;
}

async function traverse(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const tag = node.tagName.toLowerCase();
  if (tag === "leptos-island") {
    await hydrateIsland(node);
    for (const child of node.children) await traverse(child);
  } else if (tag === "leptos-children") {
    childrenCallbacks.push(node.$$on_hydrate);
    for (const child of node.children) await traverse(child);
    childrenCallbacks.pop();
  } else {
    for (const child of node.children) await traverse(child);
  }
}

await init({ module_or_path: new URL("./__WASM__", import.meta.url) });
mod.hydrate();
await traverse(document.body);
document.documentElement.dataset.hydrated = "true";
