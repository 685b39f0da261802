# Ponte — română (traducere; textul care face fidelă este cel în italiană).
refusals-0 = motivul indicat nu este printre cele acceptate de regulamentul școlii
refusals-1 = pentru această absență școala cere documente, de predat la secretariat
refusals-2 = absența nu corespunde cu ce apare în catalog
refusals-3 = trimisă după termenul stabilit de regulamentul școlii
refusals-4 = documentele nu au ajuns la secretariat
refusals-5 = cazul nu intră în derogările adoptate de școală
refusals-6 = pentru consiliul clasei, frecvența nu oferă elemente suficiente pentru evaluare
refusals-7 = datele nu corespund documentelor predate
family_refusal = Motiv: { $reason }.
family_council = Decisă de consiliul clasei din { $date }.
