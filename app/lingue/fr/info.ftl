footer_privacy = Confidentialité et responsable du traitement
footer_accessibility = Déclaration d'accessibilité
