//! The one integration test binary: the corpus (the specification), properties of every
//! output, and the CLI on the real binary.

mod integration;
