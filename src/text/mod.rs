//! The text layer shared by every rule: normalization with a map back to the original,
//! tokens, and sentence boundaries.

pub mod normalize;
pub mod sentence;
pub mod token;

pub use normalize::Normalized;
pub use token::{Token, TokenKind};
