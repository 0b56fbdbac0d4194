# Consultas: la lista, una consulta (participación, resultados,
# declaraciones, formularios de la secretaría), la moderación y el mapa de opiniones.

cons-nothing-changed = No se ha modificado nada.

## La lista

cons-title = Consultas
cons-intro = Cualquier persona puede participar en una consulta abierta: las delegaciones, las organizaciones y los miembros del público votan a favor, en contra o pasan sobre declaraciones breves, y añaden las suyas. Los participantes figuran en el registro con un seudónimo, nunca con su nombre.
cons-none-open = Todavía no hay ninguna consulta abierta.
cons-col-consultation = Consulta
cons-col-status = Estado
cons-col-participants = Participantes
cons-col-statements = Declaraciones
cons-col-on = Sobre
cons-status-open = abierta
cons-status-closed = cerrada
cons-process-lower = proceso { $id }
cons-open-a-consultation = Abrir una consulta
cons-field-title = Título
cons-field-question = Pregunta planteada a los participantes
cons-field-process = Sobre el texto de
cons-no-process = ningún proceso
cons-process-number = Proceso { $id }
cons-field-provisions = Disposiciones (eIds, separados por comas; vacío: el texto completo)
cons-open = Abrir

## Avisos tras una acción

cons-notice-opened = La consulta está abierta. Añada declaraciones a continuación.
cons-notice-joined = Se ha sumado a la consulta. Vote sobre las declaraciones una por una.
cons-notice-key = Este navegador utiliza ahora su clave de participante.
cons-notice-voted = Su voto ha quedado registrado.
cons-notice-written = Su declaración ha quedado registrada; se mostrará una vez que la secretaría la acepte.
cons-notice-seeded = Se ha añadido la declaración.
cons-notice-closed = La consulta está cerrada.
cons-notice-published = El análisis se ha publicado en el registro.

## Una consulta

cons-consultation-number = Consulta { $id }
cons-participants-count =
    { $count ->
        [one] { $count } participante
       *[other] { $count } participantes
    }
cons-on-process = sobre { $process }
cons-take-part = Participar
cons-this-is-closed = Esta consulta está cerrada.
cons-officers-do-not-take-part = La Mesa del foro dirige las consultas y no participa en ellas.
cons-you-take-part-as = Participa como participante { $participant }.
cons-next-statement =
    { $remaining ->
        [one] Declaración { $id } (queda { $remaining }):
       *[other] Declaración { $id } (quedan { $remaining }):
    }
cons-agree = De acuerdo
cons-disagree = En desacuerdo
cons-pass-unsure = Pasar / no sé
cons-voted-on-every-statement = Ha votado sobre todas las declaraciones mostradas. Vuelva más tarde para ver otras nuevas, o añada la suya.
cons-add-a-statement = Añadir una declaración (un punto breve con el que otros puedan estar de acuerdo o no)
cons-submit-for-moderation = Enviar a moderación
cons-your-participant-key = Su clave de participante (para participar desde otro dispositivo)
cons-keep-key-private = Mantenga esta clave en secreto: quien la tenga vota en su nombre.
cons-you-take-part-as-delegation = Participa como delegación; el registro muestra un seudónimo, nunca su nombre.
cons-join = Sumarse a esta consulta
cons-i-take-part-as = Participo como
cons-no-name-asked = No se pide ningún nombre ni dirección: el registro muestra un seudónimo y la categoría que elija. Este navegador guarda una clave que le permite votar; los delegados, en cambio, inician sesión.
cons-i-have-a-key = Ya tengo una clave de participante
cons-participant-key = Clave de participante
cons-use-this-key = Usar esta clave en este navegador
cons-category-delegation = delegación de un miembro
cons-category-intergovernmental-organisation = organización intergubernamental
cons-category-ngo = organización no gubernamental
cons-category-private-sector = sector privado
cons-category-academia = círculos académicos y de investigación
cons-category-technical-community = comunidad técnica
cons-category-public = miembro del público

## Los resultados

cons-what-participants-think = Lo que piensan los participantes
cons-computed-at = Calculado con un registro de { $size } entradas
cons-participants-counted =
    { $count ->
        [one] { $count } participante contabilizado
       *[other] { $count } participantes contabilizados
    }
cons-digest = resumen criptográfico { $digest }
cons-analysis-as-json = el análisis en JSON
cons-map-alt =
    { $count ->
        [one] Mapa de opiniones: { $count } participante contabilizado en { $groups } grupos de opinión, descritos en los cuadros siguientes
       *[other] Mapa de opiniones: { $count } participantes contabilizados en { $groups } grupos de opinión, descritos en los cuadros siguientes
    }
cons-group-heading =
    { $size ->
        [one] Grupo { $number } ({ $size } participante)
       *[other] Grupo { $number } ({ $size } participantes)
    }
cons-nothing-sets-group-apart = Ninguna declaración distingue todavía a este grupo.
cons-sets-group-apart-caption = Declaraciones que distinguen al grupo { $number }
cons-col-statement = Declaración
cons-col-the-group = El grupo
cons-col-share = Proporción
cons-group-agrees = está de acuerdo
cons-group-disagrees = está en desacuerdo
cons-common-ground = Puntos en común entre los grupos
cons-no-common-ground = Ninguna declaración cuenta todavía con el apoyo de la mayoría de cada grupo.
cons-col-group-informed-consensus = Consenso ponderado por grupos
cons-bridging-statements = Declaraciones de acercamiento
cons-no-bridging = Ninguna declaración acerca todavía a los grupos.
cons-col-bridging-score = Puntuación de acercamiento

## Las declaraciones

cons-statements-heading = Declaraciones ({ $count })
cons-no-statement-yet = Todavía no hay ninguna declaración.
cons-col-agree = De acuerdo
cons-col-disagree = En desacuerdo
cons-col-pass = Pasan
cons-from-proposal = de P-{ $proposal }
cons-propose-citing = Proponer un cambio citando la declaración
cons-cite-on = sobre
cons-go-to-provision = Ir a la disposición
cons-published-analyses = Análisis publicados en el registro
cons-anyone-recomputes = Cualquiera puede volver a calcularlos a partir del registro con { $command }.
cons-published-line = { $entry }: con un registro de { $size } entradas, resumen criptográfico { $digest }
cons-entry = Entrada { $number }

## La secretaría

cons-secretariat = Secretaría
cons-moderate-statements = Moderar las declaraciones
cons-waiting-count = ({ $count } en espera)
cons-seed-a-statement = Añadir una declaración (se muestra de inmediato)
cons-drawn-from-proposal = Tomada de la propuesta (opcional, por ejemplo P-3)
cons-add-the-statement = Añadir la declaración
cons-publish-analysis = Publicar este análisis en el registro
cons-close-confirm = ¿Cerrar esta consulta? Después nadie podrá escribir ni votar en ella.
cons-close-the-consultation = Cerrar la consulta

## La moderación

cons-moderation = Moderación
cons-waiting-heading = En espera ({ $count })
cons-none-waiting = No hay ninguna declaración en espera.
cons-statement-number = Declaración { $id }
cons-accept-statement = Aceptar la declaración { $id }
cons-reject-statement = Rechazar la declaración { $id }
cons-decided = Resueltas
cons-col-text = Texto
cons-col-change = Cambiar
cons-seed-note = (inicial)
cons-moderation-pending = pendiente
cons-moderation-accepted = aceptada
cons-moderation-rejected = rechazada
cons-text-not-on-this-server = (el texto, cuyo SHA-256 es { $sha256 }, no está en este servidor)

## El mapa de opiniones (SVG)

cons-map-title = Mapa de opiniones de la consulta { $id }
cons-map-no-groups-desc = Todavía no hay grupos de opinión: hay muy pocos votos.
cons-map-no-groups = Todavía no hay grupos de opinión: se necesitan más votos
cons-map-desc =
    { $count ->
        [one] { $count } participante contabilizado en { $groups } grupos de opinión: { $sizes }.
       *[other] { $count } participantes contabilizados en { $groups } grupos de opinión: { $sizes }.
    }
cons-map-group-size = grupo { $number } de { $size }
cons-map-list-separator = {", "}
cons-map-group-label = Grupo { $number } ({ $size })
