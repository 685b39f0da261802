//! One stable sort for every element type (docs/toolchain.md §10). The standard library's
//! `sort_by` is compiled once per element type and comparator, about 3.5 KB of WebAssembly each
//! time; these sort the positions `0..n` once, through a comparator behind `dyn`, then move the
//! elements into that order. The result is the standard stable sort's: equal elements keep
//! their order. For the sorts of the worker and the browser bundle, not for hot loops.

use std::cmp::Ordering;

/// `v.sort_by(cmp)`, stable.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let v: &[T] = v;
        positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]))
    };
    arrange(order, &mut |a, b| v.swap(a, b));
}

/// `v.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()`, stable (also for `sort_unstable`: a stable order is one of the orders an
/// unstable sort may give).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `cmp` gives them, equal ones in their own order: the one
/// instance of the standard sort.
#[inline(never)]
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the elements so that place `i` holds what was at `order[i]`, one cycle of the
/// permutation at a time, by swaps.
#[inline(never)]
fn arrange(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard stable sort, ties included (the second field tells
        /// equal keys apart).
        #[test]
        fn as_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &std);
            let mut keyed = v.clone();
            sort_by_key(&mut keyed, |p| std::cmp::Reverse(p.0));
            let mut std_keyed = v.clone();
            std_keyed.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(&keyed, &std_keyed);
            let mut whole = v.clone();
            sort(&mut whole);
            let mut std_whole = v;
            std_whole.sort();
            prop_assert_eq!(whole, std_whole);
        }
    }

    #[test]
    fn strings_move_without_copies() {
        let mut v: Vec<String> = ["c", "a", "b", "a"].iter().map(|s| s.to_string()).collect();
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
    }
}
