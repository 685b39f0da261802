# Ponte — română (traducere; textul care face fidelă este cel în italiană).
channels-0 = scrisoare
channels-1 = anunț în Ponte cu confirmare de luare la cunoștință
family_notice = La { $date } școala a comunicat familiei absențele fără motive justificate ({ $channel }): elevul/eleva trebuie să revină la școală până la { $by }.
family_resumed = Frecvență reluată la { $date }: cazul este închis.
family_mayor = La { $date } școala l-a informat pe primar, așa cum prevede legea.
