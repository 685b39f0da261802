# Ponte — español (traducción; el texto que da fe es el italiano).
channels-0 = carta
channels-1 = aviso en Ponte con confirmación de lectura
family_notice = El { $date } la escuela comunicó a la familia las ausencias sin motivo justificado ({ $channel }): el alumno o la alumna debe volver a clase antes del { $by }.
family_resumed = Asistencia reanudada el { $date }: el caso está cerrado.
family_mayor = El { $date } la escuela informó al alcalde, como prevé la ley.
