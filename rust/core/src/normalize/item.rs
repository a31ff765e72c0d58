//! A character in flight through the normalization stages, with the input
//! code point range it came from.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub c: char,
    /// First input code point this character came from.
    pub start: u32,
    /// One past the last input code point it came from.
    pub end: u32,
}

impl Item {
    #[inline]
    pub fn new(c: char, start: u32, end: u32) -> Self {
        Item { c, start, end }
    }

    /// The same character, now also covering `other`'s input range.
    #[inline]
    pub fn merged(self, c: char, other: Item) -> Item {
        Item {
            c,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}
