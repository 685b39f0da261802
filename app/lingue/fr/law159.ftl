# Ponte — français (traduction ; le texte qui fait foi est l'italien).
channels-0 = lettre
channels-1 = avis dans Ponte avec confirmation de lecture
family_notice = Le { $date }, l'école a informé la famille des absences sans motif valable ({ $channel }) : l'élève doit reprendre les cours avant le { $by }.
family_resumed = Reprise des cours le { $date } : le dossier est clos.
family_mayor = Le { $date }, l'école a informé le maire, comme le prévoit la loi.
