use accord_documents::import::import;

use crate::helpers::*;

const DOCUMENTS: [&str; 7] = [
    "v3/us_Act_2011-11-29.xml",
    "v3/uk_asp-2017-1-enacted-data.akn.xml",
    "v3/eu_COM(2013)0619_EN-8.xml",
    "v3/ke_Debate_Bungeni_2011-06-10.xml",
    "v2/Bill_UN_2012.xml",
    "v2/Bill_UN_2012_ES.xml",
    "v2/Amendment_mexico_enmienda_2010-10-07.xml",
];

#[test]
fn show_every_document() {
    for path in DOCUMENTS {
        match import(&read(path), source()) {
            Ok(i) => {
                println!("== {path}: opened {} ({:?}), title {:?}", i.document, i.version, i.instrument.title);
                for p in &i.instrument.provisions {
                    println!("  {:?} {} num={:?} heading={:?} text={:?}", p.kind, p.eid, p.num, p.heading, p.text.chars().take(60).collect::<String>());
                }
                for d in &i.dropped {
                    println!("  dropped: {} x{} (first at {})", d.what, d.count, d.first_at);
                }
                println!("  renamed: {}", i.renamed.len());
            }
            Err(e) => println!("== {path}: refused {e}"),
        }
    }
}
