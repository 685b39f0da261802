# Ponte — français (traduction ; le texte qui fait foi est l'italien).
title = La situation de vos enfants
lead = Les absences, combien d'heures ils peuvent encore manquer et ce qu'il y a à faire.
saved_copy = Pas de connexion : ceci est la copie de la page enregistrée le { $date } à { $time }.
register_updated = Registre mis à jour le { $date }.
register_missing = L'école n'a pas encore chargé les absences dans Ponte.
notices_link = Avis de l'école
notices_unread = { $n } à lire
export_title = Vos données
export_text = Vous pouvez télécharger tout ce que Ponte conserve sur vous et sur vos enfants.
export_json = Télécharger les données (JSON)
export_csv = Télécharger les données (CSV, pour le tableur)
class_school = Classe { $class } · { $school }
gauge_text = Heures d'absence comptées : { $counted } sur un maximum de { $max }.
annual_share = Absences : { $percent } des heures de l'année ; la limite légale est de { $limit }.
allowance_used-0 = n'a encore utilisé aucune des heures qu'il peut manquer.
allowance_used-1 = a utilisé peu des heures qu'il peut manquer.
allowance_used-2 = a utilisé environ un quart des heures qu'il peut manquer.
allowance_used-3 = a utilisé environ un tiers des heures qu'il peut manquer.
allowance_used-4 = a utilisé environ la moitié des heures qu'il peut manquer.
allowance_used-5 = a utilisé environ les deux tiers des heures qu'il peut manquer.
allowance_used-6 = a utilisé environ les trois quarts des heures qu'il peut manquer.
allowance_used-7 = a utilisé presque toutes les heures qu'il peut manquer.
allowance_used-8 = a utilisé toutes les heures qu'il peut manquer.
allowance_used-9 = a dépassé les heures qu'il peut manquer.
counted = Heures d'absence comptées
remaining = Heures qu'il peut encore manquer
remaining_days = Journées entières qu'il peut encore manquer
derogated = Heures retirées du décompte par dérogation
pending_deroga = Heures en dérogation en attente de décision
forecast = Prévision
forecast_on = Au rythme actuel, la limite serait dépassée le { $date }.
forecast_none = Au rythme actuel, la limite n'est pas dépassée.
crossed_on = La limite a été dépassée le { $date }.
law159 = Obligation scolaire (loi 159/2023)
law159_days = { $n ->
    [one] { $n } jour d'absence non justifiée au cours des trois derniers mois : l'école doit signaler les élèves qui dépassent 15 jours.
   *[other] { $n } jours d'absence non justifiée au cours des trois derniers mois : l'école doit signaler les élèves qui dépassent 15 jours.
}
law159_flagged = Le { $date }, les 15 jours d'absence non justifiée en trois mois ont été dépassés : l'école contactera la famille.
law159_elusione = Le { $date }, les absences non justifiées ont atteint un quart des heures annuelles de cours.
status_ok = Loin de la limite
status_attention = Attention
status_at_risk = En danger
status_exceeded = Limite dépassée
exceeded_consequence = L'année n'est validée que si le conseil de classe accorde une dérogation.
actions = Ce qu'il y a à faire
actions_none = Rien à faire pour l'instant.
action_justify = { $n ->
    [one] Justifier { $n } absence
   *[other] Justifier { $n } absences
}
action_acknowledge = { $n ->
    [one] Lire et confirmer { $n } avis
   *[other] Lire et confirmer { $n } avis
}
action_documents = { $n ->
    [one] Remettre au secrétariat les documents de { $n } demande de dérogation
   *[other] Remettre au secrétariat les documents de { $n } demandes de dérogation
}
action_documents_by = { $n ->
    [one] Remettre au secrétariat les documents de { $n } demande de dérogation avant le { $date }
   *[other] Remettre au secrétariat les documents de { $n } demandes de dérogation avant le { $date }
}
action_contact = Parler avec l'école de la situation des absences et, si le cas se présente, demander une dérogation
details_link = Absences, justifications et dérogations de { $name }
hours_minutes = { $h } h { $m } min
hours_only = { $h } h
minutes_only = { $m } min
days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
day_of = { $n ->
    [one] (de { $n } heure)
   *[other] (de { $n } heures)
}
absences_title = Toutes les absences, mois par mois ({ $n })
absences_none = Aucune absence enregistrée.
months-0 = Janvier
months-1 = Février
months-2 = Mars
months-3 = Avril
months-4 = Mai
months-5 = Juin
months-6 = Juillet
months-7 = Août
months-8 = Septembre
months-9 = Octobre
months-10 = Novembre
months-11 = Décembre
weekdays-0 = lun.
weekdays-1 = mar.
weekdays-2 = mer.
weekdays-3 = jeu.
weekdays-4 = ven.
weekdays-5 = sam.
weekdays-6 = dim.
kinds-0 = Absence d'une journée
kinds-1 = Retard
kinds-2 = Entrée tardive
kinds-3 = Sortie anticipée
kinds-4 = Abstention des cours
kinds-5 = Non-participation à une sortie scolaire
kinds-6 = Exclusion sans obligation de présence
kinds-7 = Exclusion avec obligation de présence
kinds-8 = Activité organisée par l'école
justified_yes = Justifiée
justified_no = Non justifiée
effect_counted = comptée
effect_pending = comptée, en attente de la dérogation
effect_derogated = non comptée : dérogation accordée
effect_not_counted = non comptée selon le règlement de l'école
justification_pending = Justification envoyée, en attente de l'école
justification_approved = Justification acceptée
justification_refused = Justification refusée : vous pouvez en envoyer une autre
to_justify_title = À justifier ({ $n })
to_justify_lead = Choisissez les absences et un seul motif pour toutes : l'école décidera.
to_justify_legend = Absences à justifier
to_justify_reason = Motif des absences choisies
to_justify_button = Justifier les absences choisies
to_justify_none = Il n'y a pas d'absence à justifier.
to_justify_state = À justifier
justified_sent = { $n ->
    [one] Justification envoyée pour { $n } absence ({ $dates }) : l'école décidera.
   *[other] Justifications envoyées pour { $n } absences ({ $dates }) : l'école décidera.
}
justify_privacy = Choisissez seulement le motif : n'écrivez pas de détails sur la santé. Si des documents sont nécessaires, apportez-les au secrétariat.
presence_school_activity = Non comptée : activité de l'école
presence_suspension = Non comptée : exclusion avec obligation de présence, à l'école
form_problem = Rien n'a été envoyé
deroga_open = Demander une dérogation
reasons-0 = Raisons personnelles
reasons-1 = Raisons familiales
reasons-2 = Problèmes de transport ou mauvais temps
reasons-3 = Activités sportives, artistiques ou culturelles
reasons-4 = Autre motif (j'en parlerai avec l'école)
deroga_title = Demandes de dérogation
deroga_lead = Si les absences relèvent d'un cas prévu par l'école (par exemple une longue maladie documentée), vous pouvez demander qu'elles ne soient pas comptées. L'école décide.
deroga_none = Aucune demande de dérogation.
deroga_category = Cas prévu par l'école
deroga_from = Du
deroga_to = Au
deroga_button = Demander la dérogation
deroga_documents = Les documents doivent être remis au secrétariat de l'école : ils ne se chargent pas sur Ponte.
deroga_range = du { $from } au { $to }
status_pending = En attente de décision
status_approved = Accordée
status_refused = Refusée
notices_title = Avis de l'école
notices_lead = Les communications de l'école concernant vos enfants : d'abord celles à lire.
notices_none = Aucun avis.
notice_unread = À lire
notice_read = Lu
notice_published = Publié le { $date }
notice_ack_needed = L'école demande une confirmation de lecture.
notice_ack_done = Confirmation de lecture enregistrée le { $date } à { $time }.
notice_ack_button = Je confirme avoir lu
notice_for = Pour : { $names }
auto_title = Avis sur la fréquentation
auto_threshold = { $name } : { $hours } heures d'absence atteintes ({ $date }). L'école signale la situation au conseil de classe.
auto_exceeded = { $name } : limite d'heures d'absence dépassée ({ $date }).
auto_law159 = { $name } : plus de 15 jours d'absence non justifiée en trois mois ({ $date }), loi 159/2023.
auto_elusione = { $name } : les absences non justifiées ont atteint un quart des heures annuelles de cours ({ $date }).
back_family = Retour à la situation des enfants
back_notices = Retour aux avis
error_title = Demande non exécutée
error_back = Retour
notice_withdrawn = L'école a retiré cet avis le { $date } : vous n'avez rien à faire.
notice_withdrawn_tag = Retiré par l'école
notice_reminded = Rappel de l'école du { $date }
csv_columns-0 = Type
csv_columns-1 = Élève
csv_columns-2 = Date
csv_columns-3 = Élément
csv_columns-4 = Durée
csv_columns-5 = État
csv_columns-6 = Détail
csv_guardian = Parent
csv_position = Situation
csv_absence = Absence
csv_notice = Avis
csv_full_name = Nom et prénom
csv_tax_code = Code fiscal
csv_annual_hours = Heures annuelles de cours
csv_max_hours = Maximum d'heures d'absence
csv_ack_of = Lecture confirmée pour { $name } : { $when }
rq_deroga = Demande de dérogation
sn_not_yet = pas encore
