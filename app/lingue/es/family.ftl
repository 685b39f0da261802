# Ponte — español (traducción; el texto que da fe es el italiano).
title = La situación de sus hijos
lead = Las ausencias, cuántas horas pueden faltar todavía y qué hay que hacer.
saved_copy = Sin conexión: esta es la copia de la página guardada el { $date } a las { $time }.
register_updated = Registro actualizado el { $date }.
register_missing = La escuela todavía no ha cargado las ausencias en Ponte.
notices_link = Avisos de la escuela
notices_unread = { $n } por leer
export_title = Sus datos
export_text = Puede descargar todo lo que Ponte conserva sobre usted y sus hijos.
export_json = Descargar los datos (JSON)
export_csv = Descargar los datos (CSV, para la hoja de cálculo)
class_school = Clase { $class } · { $school }
gauge_text = Horas de ausencia contadas: { $counted } de un máximo de { $max }.
annual_share = Ha faltado el { $percent } de las horas del año; el límite legal es el { $limit }.
allowance_used-0 = todavía no ha usado ninguna de las horas que puede faltar.
allowance_used-1 = ha usado pocas de las horas que puede faltar.
allowance_used-2 = ha usado cerca de una cuarta parte de las horas que puede faltar.
allowance_used-3 = ha usado cerca de un tercio de las horas que puede faltar.
allowance_used-4 = ha usado cerca de la mitad de las horas que puede faltar.
allowance_used-5 = ha usado cerca de dos tercios de las horas que puede faltar.
allowance_used-6 = ha usado cerca de tres cuartas partes de las horas que puede faltar.
allowance_used-7 = ha usado casi todas las horas que puede faltar.
allowance_used-8 = ha usado todas las horas que puede faltar.
allowance_used-9 = ha superado las horas que puede faltar.
counted = Horas de ausencia contadas
remaining = Horas que todavía puede faltar
remaining_days = Días enteros que todavía puede faltar
derogated = Horas excluidas del recuento por exención
pending_deroga = Horas en exención pendientes de decisión
forecast = Previsión
forecast_on = Al ritmo actual, el límite se superaría el { $date }.
forecast_none = Al ritmo actual, el límite no se supera.
crossed_on = El límite se superó el { $date }.
law159 = Escolarización obligatoria (ley 159/2023)
law159_days = { $n ->
    [one] { $n } día de ausencia no justificada en los últimos tres meses: la escuela debe señalar a quien supera los 15.
   *[other] { $n } días de ausencia no justificada en los últimos tres meses: la escuela debe señalar a quien supera los 15.
}
law159_flagged = El { $date } se superaron los 15 días de ausencia no justificada en tres meses: la escuela se pondrá en contacto con la familia.
law159_elusione = El { $date } las ausencias no justificadas alcanzaron una cuarta parte de las horas lectivas anuales.
status_ok = Lejos del límite
status_attention = Atención
status_at_risk = En riesgo
status_exceeded = Límite superado
exceeded_consequence = El curso solo es válido si la junta de evaluación de la clase reconoce una exención.
actions = Qué hay que hacer
actions_none = Nada que hacer por ahora.
action_justify = { $n ->
    [one] Justificar { $n } ausencia
   *[other] Justificar { $n } ausencias
}
action_acknowledge = { $n ->
    [one] Leer y confirmar { $n } aviso
   *[other] Leer y confirmar { $n } avisos
}
action_documents = { $n ->
    [one] Entregar en secretaría los documentos de { $n } solicitud de exención
   *[other] Entregar en secretaría los documentos de { $n } solicitudes de exención
}
action_documents_by = { $n ->
    [one] Entregar en secretaría los documentos de { $n } solicitud de exención antes del { $date }
   *[other] Entregar en secretaría los documentos de { $n } solicitudes de exención antes del { $date }
}
action_contact = Hablar con la escuela de la situación de las ausencias y, si procede, pedir una exención
details_link = Ausencias, justificaciones y exenciones de { $name }
hours_minutes = { $h } h { $m } min
hours_only = { $h } h
minutes_only = { $m } min
days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
day_of = { $n ->
    [one] (de { $n } hora)
   *[other] (de { $n } horas)
}
absences_title = Todas las ausencias, mes a mes ({ $n })
absences_none = No hay ausencias registradas.
months-0 = Enero
months-1 = Febrero
months-2 = Marzo
months-3 = Abril
months-4 = Mayo
months-5 = Junio
months-6 = Julio
months-7 = Agosto
months-8 = Septiembre
months-9 = Octubre
months-10 = Noviembre
months-11 = Diciembre
weekdays-0 = lun
weekdays-1 = mar
weekdays-2 = mié
weekdays-3 = jue
weekdays-4 = vie
weekdays-5 = sáb
weekdays-6 = dom
kinds-0 = Ausencia de día completo
kinds-1 = Retraso
kinds-2 = Entrada tardía
kinds-3 = Salida anticipada
kinds-4 = Abstención de las clases
kinds-5 = No participación en una salida escolar
kinds-6 = Suspensión sin obligación de asistencia
kinds-7 = Suspensión con obligación de asistencia
kinds-8 = Actividad organizada por la escuela
justified_yes = Justificada
justified_no = No justificada
effect_counted = contada
effect_pending = contada, pendiente de la exención
effect_derogated = no contada: exención concedida
effect_not_counted = no contada según el reglamento de la escuela
justification_pending = Justificación enviada, pendiente de la escuela
justification_approved = Justificación aceptada
justification_refused = Justificación rechazada: puede enviar otra
to_justify_title = Por justificar ({ $n })
to_justify_lead = Elija las ausencias y un solo motivo para todas: la escuela decidirá.
to_justify_legend = Ausencias por justificar
to_justify_reason = Motivo de las ausencias elegidas
to_justify_button = Justificar las ausencias elegidas
to_justify_none = No hay ausencias por justificar.
to_justify_state = Por justificar
justified_sent = { $n ->
    [one] Justificación enviada para { $n } ausencia ({ $dates }): la escuela decidirá.
   *[other] Justificaciones enviadas para { $n } ausencias ({ $dates }): la escuela decidirá.
}
justify_privacy = Elija solo el motivo: no escriba detalles sobre la salud. Si hacen falta documentos, llévelos a la secretaría.
presence_school_activity = No contada: actividad de la escuela
presence_suspension = No contada: suspensión con obligación de asistencia, en la escuela
form_problem = No se ha enviado nada
deroga_open = Pedir una exención
reasons-0 = Motivos personales
reasons-1 = Motivos familiares
reasons-2 = Problemas de transporte o mal tiempo
reasons-3 = Actividades deportivas, artísticas o culturales
reasons-4 = Otro motivo (lo hablaré con la escuela)
deroga_title = Solicitudes de exención
deroga_lead = Si las ausencias corresponden a un caso previsto por la escuela (por ejemplo, una larga enfermedad documentada), puede pedir que no se cuenten. Decide la escuela.
deroga_none = No hay solicitudes de exención.
deroga_category = Caso previsto por la escuela
deroga_from = Desde el día
deroga_to = Hasta el día
deroga_button = Pedir la exención
deroga_documents = Los documentos se entregan en la secretaría de la escuela: no se cargan en Ponte.
deroga_range = del { $from } al { $to }
status_pending = Pendiente de decisión
status_approved = Aceptada
status_refused = Rechazada
notices_title = Avisos de la escuela
notices_lead = Las comunicaciones de la escuela sobre sus hijos: primero las que están por leer.
notices_none = No hay avisos.
notice_unread = Por leer
notice_read = Leído
notice_published = Publicado el { $date }
notice_ack_needed = La escuela pide la confirmación de lectura.
notice_ack_done = Confirmación de lectura registrada el { $date } a las { $time }.
notice_ack_button = Confirmo que lo he leído
notice_for = Para: { $names }
auto_title = Avisos sobre la asistencia
auto_threshold = { $name }: alcanzadas { $hours } horas de ausencia ({ $date }). La escuela comunica la situación a la junta de evaluación de la clase.
auto_exceeded = { $name }: superado el límite de horas de ausencia ({ $date }).
auto_law159 = { $name }: más de 15 días de ausencia no justificada en tres meses ({ $date }), ley 159/2023.
auto_elusione = { $name }: las ausencias no justificadas han alcanzado una cuarta parte de las horas lectivas anuales ({ $date }).
back_family = Volver a la situación de los hijos
back_notices = Volver a los avisos
error_title = Solicitud no realizada
error_back = Volver
notice_withdrawn = La escuela retiró este aviso el { $date }: no tiene que hacer nada.
notice_withdrawn_tag = Retirado por la escuela
notice_reminded = Recordatorio de la escuela del { $date }
csv_columns-0 = Tipo
csv_columns-1 = Alumno
csv_columns-2 = Fecha
csv_columns-3 = Concepto
csv_columns-4 = Duración
csv_columns-5 = Estado
csv_columns-6 = Detalle
csv_guardian = Padre o madre
csv_position = Situación
csv_absence = Ausencia
csv_notice = Aviso
csv_full_name = Nombre y apellidos
csv_tax_code = Código fiscal
csv_annual_hours = Horas lectivas anuales
csv_max_hours = Máximo de horas de ausencia
csv_ack_of = Lectura confirmada para { $name }: { $when }
rq_deroga = Solicitud de exención
sn_not_yet = todavía no
