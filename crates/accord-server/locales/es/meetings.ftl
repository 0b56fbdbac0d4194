# Sesiones y decisiones: sesiones, una sesión (asistencia, programa,
# oradores, votaciones, consenso, la consola de la presidencia), el acta
# resumida, y el reglamento y las decisiones de un proceso.

meet-recorded = Registrado. La entrada consta en el registro.
meet-nothing-changed = No se ha modificado nada.

## Períodos de sesiones y sesiones

meet-sessions-title = Períodos de sesiones y sesiones
meet-sessions = Períodos de sesiones
meet-no-session = Todavía no hay ningún período de sesiones abierto.
meet-no-meeting = No hay ninguna sesión programada.
meet-col-meeting = Sesión
meet-date = Fecha
meet-place = Lugar
meet-col-present = Presentes
meet-col-links = Enlaces
meet-meeting-number = Sesión { $number }
meet-summary-link = acta resumida
meet-schedule-meeting = Programar una sesión
meet-open-session = Abrir un período de sesiones
meet-session-title = Título
meet-session-title-example = Tercer período de sesiones sustantivo
meet-open = Abrir

## Una sesión

meet-summary-record = Acta resumida
meet-you-hold-the-console = usted dispone de la consola de la presidencia
meet-status-open = La sesión está { $state }.
meet-state-open = abierta
meet-status-closed = La sesión está { $state }.
meet-state-closed = levantada
meet-status-scheduled = La sesión aún no se ha abierto: la presidencia la abre en cuanto se alcanza el quórum necesario para abrirla.
meet-attendance = Asistencia
meet-attendance-quorums =
    { $count ->
        [one] Está presente { $count } miembro con derecho a voto; el quórum es de { $to_open } para abrir la sesión y de { $to_decide } para adoptar decisiones.
       *[other] Están presentes { $count } miembros con derecho a voto; el quórum es de { $to_open } para abrir la sesión y de { $to_decide } para adoptar decisiones.
    }
meet-no-one-registered = Todavía no se ha inscrito nadie.
meet-agenda = Programa
meet-agenda-empty = El programa está vacío.
meet-item-heading = Tema { $label } — { $title }
meet-speaking-time =
    { $seconds ->
        [one] Tiempo de intervención: { $seconds } segundo.
       *[other] Tiempo de intervención: { $seconds } segundos.
    }
meet-note-point-of-order = (cuestión de orden)
meet-note-right-of-reply = (derecho de respuesta)
meet-has-the-floor = tiene la palabra
meet-countdown =
    { $seconds ->
        [one] ({ $seconds } segundo desde { $given })
       *[other] ({ $seconds } segundos desde { $given })
    }
meet-countdown-left = (quedan { $clock })
meet-countdown-over = (excedido en { $clock })
meet-floor-waiting = en espera
meet-floor-spoke = intervino
meet-floor-speaking = tiene la palabra
meet-floor-withdrawn = retirada
meet-statement-file = declaración
meet-no-one-asked = Nadie ha pedido la palabra.
meet-votes-and-decisions = Votaciones y decisiones
meet-vote-on = Votación { $id } sobre { $label }
meet-vote-state-open = ({ $majority }, abierta)
meet-vote-state-closed = ({ $majority }, cerrada)
meet-majority-simple = mayoría simple
meet-majority-two-thirds = mayoría de dos tercios
meet-tally-yes = Sí { $count }
meet-tally-no = No { $count }
meet-tally-abstaining = Abstenciones { $count }
meet-tally-voting = presentes y votantes { $voting }, necesarios { $required }
meet-adopted = aprobado
meet-not-adopted = no aprobado
meet-your-vote = Su delegación votó { $choice }.
meet-your-vote-open = Su delegación votó { $choice } (puede cambiar su voto hasta que la presidencia cierre la votación).
meet-choice-yes = a favor
meet-choice-no = en contra
meet-choice-abstain = abstención
meet-consensus-on = Aprobación de { $label } por consenso
meet-consensus-on-ad-referendum = Aprobación de { $label } por consenso, ad referendum
meet-consensus-proposed = (propuesta)
meet-no-objection = Ninguna objeción.
meet-objects = { $member } formula una objeción
meet-objects-reason = { $member } formula una objeción: { $reason }
meet-no-decision-put = No se ha sometido ninguna decisión a esta sesión.
meet-target-the-instrument = el instrumento
meet-target-in-process = { $target } (proceso { $process })

## Los formularios de una delegación

meet-for-member = Para { $member }
meet-register-present = Inscribir a { $member } como presente
meet-leave-confirm = ¿Registrar que { $member } ha abandonado la sesión? Ya no vota ni puede formular objeciones aquí.
meet-leaves = { $member } abandona la sesión
meet-item-label = Tema { $label }:
meet-request-the-floor = pedir la palabra
meet-point-of-order = cuestión de orden
meet-right-of-reply = derecho de respuesta
meet-ask = Pedir
meet-your-statement-on-item = Su declaración sobre el tema { $label }
meet-attach-statement = Adjuntar la declaración
meet-withdraw-request = retirar mi solicitud { $number } sobre el tema { $label }
meet-observer = { $member } participa en calidad de observador (o está suspendido): interviene cuando la presidencia le da la palabra, pero no vota ni puede oponerse al consenso.
meet-yes = Sí
meet-no = No
meet-abstain = Abstención
meet-vote-button = Votar
meet-object-reason-label = Oponerse a la aprobación de { $label }: motivo
meet-object = Oponerse

## La consola de la presidencia

meet-chairs-console = La consola de la presidencia
meet-the-secretariat = La secretaría
meet-closed-nothing-more = La sesión se ha levantado: ya no se registra nada en ella. Programe otra sesión del período de sesiones para continuar.
meet-new-agenda-item = Nuevo tema del programa
meet-as-sub-item-of = como subtema de
meet-item-option = tema { $label }
meet-add = Añadir
meet-correct-attendance-member = Corregir la asistencia: miembro
meet-present-note = (presente)
meet-present-or-absent = presente o ausente
meet-present = presente
meet-absent = ausente
meet-correct = Corregir
meet-open-the-meeting = Abrir la sesión
meet-close-meeting-confirm = ¿Levantar la sesión { $number }? Ya no se adoptará ninguna decisión en ella.
meet-close-the-meeting = Levantar la sesión
meet-next-speaker = Siguiente orador sobre el tema { $label }
meet-waiting-count = ({ $count } en espera)
meet-speaking-time-label = Tiempo de intervención sobre el tema { $label } (en segundos, vacío para ninguno)
meet-set = Fijar
meet-close-vote-confirm = ¿Cerrar la votación { $id }? El recuento decide.
meet-close-vote = Cerrar la votación { $id }
meet-declare-outcome = Declarar el resultado sobre { $label }
meet-put-a-question = Someter una cuestión a la sesión
meet-process = Proceso
meet-on = Sobre
meet-target-a-proposal = una propuesta
meet-target-a-provision = una disposición
meet-target-the-whole-instrument = el instrumento en su conjunto
meet-question-target-id = Número de la propuesta (P-17) o disposición (su eId, por ejemplo chp_1__art_5__para_2, indicado en la página de la disposición)
meet-majority-for-a-vote = Mayoría, para una votación
meet-majority-as-the-rules-say = según el reglamento (dos tercios para una cuestión importante)
meet-majority-option-simple = simple
meet-majority-option-two-thirds = dos tercios
meet-consensus-ad-referendum = consenso ad referendum
meet-propose-consensus = Proponer la aprobación por consenso
meet-open-recorded-vote = Abrir una votación registrada
meet-questions-once-open = Las cuestiones se someten, y se da la palabra a los oradores, una vez abierta la sesión.

## El acta resumida

meet-summary-title = Acta resumida de la sesión { $number }
meet-print = Imprimir
meet-summary-quorum =
    { $count ->
        [one] Estuvo presente { $count } miembro con derecho a voto (quórum para adoptar decisiones: { $to_decide }).
       *[other] Estuvieron presentes { $count } miembros con derecho a voto (quórum para adoptar decisiones: { $to_decide }).
    }
meet-no-member-present = Ningún miembro se inscribió como presente.
meet-summary-opened-and-closed = La presidencia abrió la sesión ({ $opened }) y la levantó ({ $closed }).
meet-summary-opened-still-open = La presidencia abrió la sesión ({ $opened }); sigue abierta.
meet-summary-not-opened = La sesión no se ha abierto.
meet-entry-hash = entrada n.º { $number }
meet-no-one-spoke = Nadie intervino.
meet-no-text-attached = (sin texto adjunto)
meet-decisions = Decisiones
meet-no-decision-was-taken = No se adoptó ninguna decisión.
meet-decision-number = Decisión { $id }
meet-summary-decision = { $decision } ({ $method }) sobre { $target }
meet-summary-target-proposal = propuesta { $id }
meet-summary-target-provision = disposición { $id }
meet-summary-target-instrument = instrumento
meet-version-adopted = , versión { $version } aprobada
meet-on-version = , sobre la versión { $version }
meet-outcome-adopted = aprobado
meet-outcome-agreed-ad-referendum = acordado ad referendum
meet-outcome-not-adopted = no aprobado
meet-method-consensus = consenso
meet-method-silence = procedimiento de acuerdo tácito
meet-method-vote = votación
meet-summary-tally-votes = { $yes } votos a favor, { $no } en contra, { $abstaining } abstenciones
meet-summary-tally-required = { $voting } presentes y votantes, { $required } necesarios
meet-recorded-vote = Votación registrada
meet-col-member = Miembro
meet-col-vote = Voto
meet-objected = { $member } formuló una objeción
meet-objected-reason = { $member } formuló una objeción: { $reason }
meet-explanation-before = Explicación de voto antes de la votación, por { $member }: { $text }
meet-explanation-after = Explicación de voto después de la votación, por { $member }: { $text }

## El reglamento y las decisiones de un proceso

meet-rules-and-decisions = Reglamento y decisiones
meet-rules-of-procedure = Reglamento
meet-rule-majority = Mayoría
meet-rule-important-majority = Mayoría para las cuestiones importantes
meet-rule-majority-simple = mayoría simple de los miembros presentes y votantes
meet-rule-majority-two-thirds = dos tercios de los miembros presentes y votantes
meet-rule-abstentions = Abstenciones
meet-rule-abstentions-not-counted = no se cuentan como votos
meet-rule-abstentions-counted = se cuentan como votos
meet-rule-meeting-quorum = Quórum para abrir una sesión
meet-rule-decision-quorum = Quórum para adoptar decisiones
meet-rule-share = { $share } de los miembros ({ $needed } de { $members })
meet-rule-share-more-than = más de { $share } de los miembros ({ $needed } de { $members })
meet-rule-silence = Procedimiento de acuerdo tácito
meet-rule-silence-hours =
    { $hours ->
        [one] al menos { $hours } hora
       *[other] al menos { $hours } horas
    }
meet-rule-informal-agreement = Propuestas acordadas o rechazadas
meet-rule-informal-agreement-yes = por la presidencia en consultas oficiosas, o por una decisión
meet-rule-informal-agreement-no = solo por una decisión
meet-important-questions = Cuestiones importantes
meet-no-important-question = No se ha designado ninguna cuestión como importante: las votaciones se rigen por la mayoría ordinaria.
meet-important-majority-applies = Las votaciones sobre estas cuestiones, y sobre las enmiendas a ellas, requieren la mayoría prevista para las cuestiones importantes.
meet-entry = entrada { $number }
meet-designate-as-important = Designar como importante
meet-target-a-provision-and-contents = una disposición (y lo que contiene)
meet-eid-or-proposal-number = eId o número de propuesta
meet-designate = Designar
meet-no-decision-taken = No se ha adoptado ninguna decisión.
meet-confirm-capitals-agreed = Confirmar (acuerdo de las capitales)
meet-decision-where = { $target } (proceso { $process })
meet-decision-where-on-version = { $target } (proceso { $process }, sobre la versión { $version })
meet-decision-where-adopted = { $target } (proceso { $process }, versión { $version } aprobada)
meet-decision-head = Decisión { $id } sobre { $where }, por { $method }
meet-decision-outcome = { $decision }: { $outcome }
meet-decision-tally = { $yes } a favor, { $no } en contra, { $abstaining } abstenciones
meet-decision-tally-required = { $votes }; { $required } necesarios
meet-decision-line = { $decision } (entrada { $entry })
meet-decision-line-tally = { $decision } — { $tally } (entrada { $entry })
meet-silence-procedures = Procedimientos de acuerdo tácito
meet-none = Ninguno.
meet-silence-line = Procedimiento de acuerdo tácito { $id } sobre { $label }, plazo { $deadline }:
meet-silence-running = en curso
meet-silence-broken-by = interrumpido por { $member } ({ $reason })
meet-silence-concluded = concluido: aprobado
meet-break-silence-reason = Romper el silencio: motivo
meet-break-silence = Romper el silencio
meet-start-silence = Iniciar un procedimiento de acuerdo tácito
meet-silence-target-id = Número de la propuesta (P-17) o eId de la disposición
meet-hours-until-deadline = Horas hasta el vencimiento del plazo
meet-start = Iniciar
meet-taken-in-meetings = Las votaciones y el consenso tienen lugar en { $meetings }.
meet-meetings-link = las sesiones

## El acta resumida en Markdown

meet-md-quorum =
    { $count ->
        [one] { $count } miembro con derecho a voto presente (quórum para adoptar decisiones: { $to_decide }).
       *[other] { $count } miembros con derecho a voto presentes (quórum para adoptar decisiones: { $to_decide }).
    }
meet-md-statement-in = declaración en { $file }
meet-md-none = ninguno
