//! Working buffers kept per thread from one document to the next: a stage that needs
//! vectors for each document takes this thread's spare ones (emptied by the last document)
//! instead of allocating and growing new ones, and gives them back when done.

use std::cell::Cell;
use std::thread::LocalKey;

/// A thread's slot for one stage's spare buffers.
pub(crate) type Slot<T> = LocalKey<Cell<Option<T>>>;

/// The most elements a buffer may hold room for and still be kept: a huge document's
/// buffers are let go rather than held for the thread's life.
pub(crate) const MAX_KEPT: usize = 1 << 20;

/// This thread's spare buffers from `slot`, or new empty ones.
pub(crate) fn take<T: Default>(slot: &'static Slot<T>) -> T {
    slot.try_with(Cell::take).ok().flatten().unwrap_or_default()
}

/// Keeps `buffers` (emptied by the caller) in `slot` for this thread's next document, if
/// `room`, the capacity of the largest, is at most [`MAX_KEPT`].
pub(crate) fn keep<T>(slot: &'static Slot<T>, buffers: T, room: usize) {
    if room <= MAX_KEPT {
        // Past the thread's end (its locals gone) the buffers are simply dropped.
        let _ = slot.try_with(|spare| spare.set(Some(buffers)));
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_KEPT, Slot, keep, take};
    use std::cell::Cell;

    thread_local! {
        static SLOT: Cell<Option<Vec<u32>>> = const { Cell::new(None) };
    }

    fn slot() -> &'static Slot<Vec<u32>> {
        &SLOT
    }

    #[test]
    fn buffers_come_back_with_their_room_unless_huge() {
        assert_eq!(take(slot()).capacity(), 0);
        let small: Vec<u32> = Vec::with_capacity(100);
        keep(slot(), small, 100);
        let again = take(slot());
        assert!(again.capacity() >= 100);
        // Taken once: the slot is empty again.
        assert_eq!(take(slot()).capacity(), 0);
        keep(slot(), Vec::with_capacity(8), MAX_KEPT + 1);
        assert_eq!(take(slot()).capacity(), 0);
    }
}
