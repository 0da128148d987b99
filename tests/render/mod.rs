//! A generator of HTML pages from hand-made truth: [`truth`] reads a truth file into the tables a
//! page prints, [`layout`] decides what goes in which cell (captions, header rows and their spans,
//! stub cells), [`styles`] marks that up the way the sites budget tables come from do. The
//! renderings are made here, from the truth alone, so that reading them back must give the
//! truth's cells: no page was ever fetched for them.

pub mod layout;
pub mod styles;
pub mod truth;
