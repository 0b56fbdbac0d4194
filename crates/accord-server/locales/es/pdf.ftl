# Documentos PDF: las palabras que Accord imprime además de las del registro
# (las menciones de la portada, la numeración de las disposiciones, quién apoya
# cada opción) y los enlaces a ellos.

pdf-distribution-limited = Distr. limitada
pdf-distribution-general = Distr. general
pdf-original = Original: { $language }
pdf-language-ar = árabe
pdf-language-zh = chino
pdf-language-en = inglés
pdf-language-fr = francés
pdf-language-ru = ruso
pdf-language-es = español
pdf-chapter = Capítulo { $num }
pdf-article = Artículo { $num }
pdf-counts = Corchetes: { $brackets }; opciones: { $options }
pdf-proposed-in = (propuesto en { $proposals })
pdf-original-text = Texto original
pdf-supported-by = Con el apoyo de { $members }
pdf-proposed-by = Propuesto en { $proposals }
pdf-version = versión { $number }
pdf-rolling-title = { $title } (texto renovable sobre la { $version })
pdf-no-session = No consta período de sesiones
pdf-no-agenda-item = No consta tema del programa
pdf-of-version = PDF de la versión { $version }
pdf-rolling = Texto renovable en PDF
pdf-rolling-lines = Texto renovable en PDF, con líneas numeradas
