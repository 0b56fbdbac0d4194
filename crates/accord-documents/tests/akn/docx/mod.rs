//! Word (.docx): every export opened by LibreOffice and converted to PDF,
//! tracked changes counted in LibreOffice's own conversion, imports of
//! documents LibreOffice made, and hostile packages.

mod export;
mod hostile;
mod import;
pub mod office;
