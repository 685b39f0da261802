# Ponte — français (traduction ; le texte qui fait foi est l'italien).
refusals-0 = le motif indiqué ne fait pas partie de ceux que le règlement de l'école accepte
refusals-1 = pour cette absence, l'école demande des documents, à remettre au secrétariat
refusals-2 = l'absence ne correspond pas à ce qui figure dans le registre
refusals-3 = envoyée après le délai fixé par le règlement de l'école
refusals-4 = les documents ne sont pas arrivés au secrétariat
refusals-5 = le cas ne relève pas des dérogations adoptées par l'école
refusals-6 = selon le conseil de classe, la fréquentation ne donne pas assez d'éléments pour l'évaluation
refusals-7 = les dates ne correspondent pas aux documents remis
family_refusal = Motif : { $reason }.
family_council = Décidée par le conseil de classe du { $date }.
