//! A generator of pages from hand-made truth: [`truth`] reads a truth file into the tables a page
//! prints, [`layout`] decides what goes in which cell (captions, header rows and their spans, stub
//! cells), [`styles`] marks that up as HTML the way the sites budget tables come from do, and
//! [`cals`] prints it as the government's official publication XML with CALS tables. The
//! renderings are made here, from the truth alone, so that reading them back must give the
//! truth's cells: no page was ever fetched for them.
//!
//! Each test crate uses some of these (the HTML test no CALS, the XML test no HTML styles).
#![allow(dead_code)]

pub mod cals;
pub mod layout;
pub mod reading;
pub mod styles;
pub mod truth;
