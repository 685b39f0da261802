# Ponte — français. Traduction préparée par l'équipe de Ponte : le texte qui fait foi est
# l'italien. Pour signaler une erreur, voir la page « Traductions » (docs/lingue.md).
site_name = Ponte
site_tagline = École, familles et structures d'accueil
skip_to_content = Aller au contenu
nav_label = Menu principal
nav_hosts = Structures d'accueil
nav_calculator = Calcul des absences
footer_sources = Sources des données
footer_note = Ponte n'utilise pas de cookies de profilage et ne charge rien depuis d'autres sites.
digit_group = { " " }
decimal_mark = ,
lang_menu = Langue
nav_signin = Se connecter
nav_signout = Se déconnecter
nav_area = Mon espace
signed_in_prefix = Connecté en tant que
signin_title = Se connecter à Ponte
signin_lead = Les familles et le personnel de l'école se connectent avec leur identité numérique, SPID ou CIE. Ponte n'utilise pas de mot de passe.
signin_with = Se connecter avec { $provider }
signin_none = Aucun service de connexion n'est disponible pour le moment. Réessayez plus tard.
signin_hosts_note = Les structures d'accueil n'ont pas besoin de se connecter : elles publient leur profil par PEC ou signature numérique.
signin_failed_title = Échec de la connexion
signin_retry = Se connecter à nouveau
norole_title = Votre code fiscal n'est pas enregistré
norole_text = Vous êtes connecté en tant que { $name }, code fiscal { $cf }. Aucune école utilisant Ponte n'a enregistré ce code fiscal parmi les parents, les tuteurs ou le personnel.
norole_what = Si vous êtes parent ou tuteur d'un élève, demandez au secrétariat de l'école d'enregistrer votre code fiscal dans le registre électronique : vous pourrez vous connecter après la prochaine mise à jour des données.
norole_schools = Les écoles qui utilisent Ponte
norole_schools_lead = Chaque école envoie à Ponte les données de son registre électronique : votre code fiscal apparaît après le premier envoi qui suit l'enregistrement au secrétariat.
norole_search_label = Chercher une école par nom ou par commune
norole_search_button = Chercher
norole_schools_none = Aucune école utilisant Ponte ne correspond à la recherche.
norole_schools_more = Seules les { $n } premières écoles sont affichées : précisez la recherche.
norole_office_email = E-mail du secrétariat
norole_office_phone = Téléphone du secrétariat
norole_no_contacts = L'école n'a pas indiqué les coordonnées du secrétariat dans Ponte.
norole_register_on = Registre mis à jour dans Ponte le { $date }.
norole_register_usually = { $n ->
    [one] Elle le met à jour d'habitude chaque jour.
   *[other] Elle le met à jour d'habitude tous les { $n } jours.
}
norole_register_never = L'école n'a pas encore envoyé les absences à Ponte.
norole_calculator = En attendant, vous pouvez calculer vous-même les heures d'absence encore possibles, sans vous connecter :
norole_calculator_link = calcul des absences
not_found_title = Page introuvable
not_found_text = La page demandée n'existe pas ou le profil n'est plus publié.
offline_note = Pas de connexion : voici les données enregistrées la dernière fois que la page a été ouverte.
offline_title = Pas de connexion
offline_unsaved = Cette page n'a pas encore été enregistrée sur cet appareil : elle sera consultable sans connexion après avoir été ouverte au moins une fois en ligne.
offline_retry = Réessayer d'ouvrir l'espace famille
translation_note = Cette page est une traduction : seul le texte italien fait foi.
translation_link = Traductions et signalement d'erreurs
original_italian = Texte original en italien
