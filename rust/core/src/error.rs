//! Error types of the core. Bindings map each variant to a Python exception.

use std::fmt;

/// Everything that can go wrong in the core, as a type (not a string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// An argument is outside its valid range (`name`, human-readable reason).
    InvalidArgument { name: &'static str, reason: String },
    /// A persisted file is not ours, of an unknown version, truncated or corrupt.
    CorruptData { reason: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidArgument { name, reason } => {
                write!(f, "invalid argument `{name}`: {reason}")
            }
            Error::CorruptData { reason } => write!(f, "corrupt or foreign data: {reason}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
