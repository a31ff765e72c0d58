//! Exact set similarity (for verification and `overlap`).

/// `(|A ∩ B|, |A|, |B|)` of two sorted, de-duplicated slices.
pub fn intersection_size<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Exact Jaccard similarity of two sorted, de-duplicated sets; two sets of
/// which one is empty have similarity 0 (an empty text is nobody's duplicate).
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let i = intersection_size(a, b);
    i as f64 / (a.len() + b.len() - i) as f64
}

/// `(jaccard, containment)` where containment is the share of the smaller set
/// found in the other; both 0 when either set is empty.
pub fn jaccard_containment<T: Ord>(a: &[T], b: &[T]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let i = intersection_size(a, b);
    (
        i as f64 / (a.len() + b.len() - i) as f64,
        i as f64 / a.len().min(b.len()) as f64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn basics() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard_containment(&[1, 2], &[1, 2, 3, 4]), (0.5, 1.0));
        assert_eq!(jaccard::<u64>(&[], &[]), 0.0);
    }
}
