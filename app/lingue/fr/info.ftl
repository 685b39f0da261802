footer_privacy = Confidentialité et responsable du traitement
footer_accessibility = Déclaration d'accessibilité
translations_title = Les traductions de Ponte
translations_text = Les pages destinées aux familles, les avis automatiques et les lettres de l'école sont traduits par l'équipe de Ponte, et non par un service de traduction automatique : aucune donnée n'est envoyée ailleurs. Le texte qui fait foi est toujours le texte italien, accessible en un geste sous chaque avis ou lettre traduit. Les avis rédigés par l'école sont en italien ; le secrétariat peut en ajouter une version dans d'autres langues.
translations_report = Si vous trouvez une erreur dans une traduction, écrivez à { $email } en indiquant la langue et la page, ou signalez-la au secrétariat de l'école.
translations_languages = Langues disponibles
