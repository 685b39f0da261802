# Ponte — español (traducción; el texto que da fe es el italiano).
refusals-0 = el motivo indicado no está entre los que acepta el reglamento de la escuela
refusals-1 = para esta ausencia la escuela pide documentación, que debe entregarse en la secretaría
refusals-2 = la ausencia no corresponde a lo que consta en el registro
refusals-3 = enviada después del plazo fijado por el reglamento de la escuela
refusals-4 = la documentación no ha llegado a la secretaría
refusals-5 = el caso no está entre las exenciones adoptadas por la escuela
refusals-6 = para la junta de evaluación, la asistencia no da elementos suficientes para la evaluación
refusals-7 = las fechas no corresponden a la documentación entregada
family_refusal = Motivo: { $reason }.
family_council = Decidida por la junta de evaluación de la clase del { $date }.
