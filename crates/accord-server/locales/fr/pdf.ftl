# Documents PDF : les mots qu’Accord imprime en plus de ceux du registre (les
# mentions de l’en-tête, la numérotation des dispositions, qui soutient une
# option), et les liens vers ces documents.

pdf-distribution-limited = Distr. limitée
pdf-distribution-general = Distr. générale
pdf-original = Original : { $language }
pdf-language-ar = arabe
pdf-language-zh = chinois
pdf-language-en = anglais
pdf-language-fr = français
pdf-language-ru = russe
pdf-language-es = espagnol
pdf-chapter = Chapitre { $num }
pdf-article = Article { $num }
pdf-counts = Crochets : { $brackets } ; options : { $options }
pdf-proposed-in = (proposé dans { $proposals })
pdf-original-text = Texte original
pdf-supported-by = Appuyé par { $members }
pdf-proposed-by = Proposé dans { $proposals }
pdf-version = version { $number }
pdf-rolling-title = { $title } (texte évolutif sur la { $version })
pdf-no-session = Aucune session enregistrée
pdf-no-agenda-item = Aucun point de l’ordre du jour enregistré
pdf-of-version = PDF de la version { $version }
pdf-rolling = Texte évolutif en PDF
pdf-rolling-lines = Texte évolutif en PDF, lignes numérotées
