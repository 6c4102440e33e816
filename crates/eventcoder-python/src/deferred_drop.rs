//! Freeing coded data on a background thread, so that the thread holding the GIL does not.
//!
//! An event's data is some thirty small allocations (its record's strings, its evidence), made
//! on the threads that coded it. When Python frees a list of events (`results.events`, once
//! the `Results` is gone), each `Event` object's data used to be freed then and there, with
//! the GIL held: in `code_many` on 2 threads that was about a tenth of the whole call, the
//! largest part no second thread could share. [`drop_later`] hands the last reference of such
//! data to one background thread instead, which frees it while Python goes on.
//!
//! The thread sleeps while nothing waits; once woken it lets values gather for half a
//! millisecond and frees them in one batch, so that handing a value over costs an uncontended
//! lock and a push, not a wake-up.
//!
//! Limits: at most [`BACKLOG`] values wait; past that (or if the thread cannot be started, or
//! in a process forked from the one that started it, where that thread does not exist) a value
//! is freed at once, as before. Memory is returned a little later than the Python object goes,
//! never held beyond the backlog the thread has not reached yet.

use std::any::Any;
use std::ops::Deref;
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};

/// How many values may wait for the background thread.
pub const BACKLOG: usize = 1 << 16;

/// How long the background thread lets values gather once woken, so that it wakes once per
/// batch, not once per value.
const GATHER: std::time::Duration = std::time::Duration::from_micros(500);

/// A value to free.
type Garbage = Box<dyn Any + Send>;

/// The values waiting, and whether the background thread sleeps until there are some.
#[derive(Default)]
struct Waiting {
    values: Vec<Garbage>,
    asleep: bool,
}

/// The background thread's queue, and the process that started it.
struct Freer {
    pid: u32,
    waiting: Mutex<Waiting>,
    wake: Condvar,
}

/// The thread, started on first use; `None` if it could not be.
static FREER: OnceLock<Option<Arc<Freer>>> = OnceLock::new();

fn freer() -> Option<&'static Freer> {
    FREER
        .get_or_init(|| {
            let freer = Arc::new(Freer {
                pid: std::process::id(),
                waiting: Mutex::default(),
                wake: Condvar::new(),
            });
            let f = freer.clone();
            std::thread::Builder::new()
                .name("eventcoder-free".into())
                .spawn(move || f.run())
                .ok()?;
            Some(freer)
        })
        .as_deref()
}

impl Freer {
    /// The background thread: sleeps until values wait, lets more gather, frees them all.
    fn run(&self) {
        loop {
            let mut w = self.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            while w.values.is_empty() {
                w.asleep = true;
                w = self.wake.wait(w).unwrap_or_else(PoisonError::into_inner);
            }
            drop(w);
            std::thread::sleep(GATHER);
            let batch = std::mem::take(
                &mut self
                    .waiting
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .values,
            );
            drop(batch);
        }
    }
}

/// Frees `value` on the background thread, or here if [`BACKLOG`] values already wait, or
/// that thread is missing or another process's (after a fork).
pub fn drop_later<T: Send + 'static>(value: T) {
    let Some(f) = freer().filter(|f| f.pid == std::process::id()) else {
        return drop(value);
    };
    let mut w = f.waiting.lock().unwrap_or_else(PoisonError::into_inner);
    if w.values.len() >= BACKLOG {
        drop(w);
        return drop(value);
    }
    w.values.push(Box::new(value));
    let wake = std::mem::take(&mut w.asleep);
    drop(w);
    if wake {
        f.wake.notify_one();
    }
}

/// An `Arc` whose last reference is freed by [`drop_later`]: what the Python classes `Event`
/// and `Document` hold their data in. It derefs to the `Arc`.
pub struct Handoff<T: Send + Sync + 'static>(Option<Arc<T>>);

impl<T: Send + Sync + 'static> Handoff<T> {
    /// Holds `value`.
    pub fn new(value: T) -> Self {
        Handoff(Some(Arc::new(value)))
    }
}

impl<T: Send + Sync + 'static> From<Arc<T>> for Handoff<T> {
    fn from(arc: Arc<T>) -> Self {
        Handoff(Some(arc))
    }
}

impl<T: Send + Sync + 'static> Deref for Handoff<T> {
    type Target = Arc<T>;
    fn deref(&self) -> &Arc<T> {
        self.0
            .as_ref()
            .expect("a Handoff holds its Arc until it is dropped")
    }
}

impl<T: Send + Sync + 'static> Drop for Handoff<T> {
    fn drop(&mut self) {
        if let Some(arc) = self.0.take() {
            // Only the last reference frees the data; the others only count down.
            if Arc::strong_count(&arc) == 1 {
                drop_later(arc);
            }
        }
    }
}

impl<T: Send + Sync + 'static> Clone for Handoff<T> {
    fn clone(&self) -> Self {
        Handoff(self.0.clone())
    }
}

impl<T: Send + Sync + PartialEq + 'static> PartialEq for Handoff<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Send + Sync + Serialize + 'static> Serialize for Handoff<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (***self).serialize(s)
    }
}

impl<'de, T: Send + Sync + Deserialize<'de> + 'static> Deserialize<'de> for Handoff<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Handoff::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;
    use std::time::Duration;

    /// Tells which thread dropped it.
    struct Witness(std::sync::mpsc::Sender<std::thread::ThreadId>);
    impl Drop for Witness {
        fn drop(&mut self) {
            let _ = self.0.send(std::thread::current().id());
        }
    }

    #[test]
    fn a_value_is_dropped_on_the_background_thread() {
        let (tx, rx) = channel();
        drop_later(Witness(tx));
        let by = rx.recv_timeout(Duration::from_secs(10)).expect("dropped");
        assert_ne!(by, std::thread::current().id());
    }

    #[test]
    fn a_handoff_frees_its_data_on_the_background_thread_when_it_is_the_last() {
        let (tx, rx) = channel();
        let a = Handoff::new(Witness(tx));
        let b = a.clone();
        drop(a);
        assert_eq!(Arc::strong_count(&b), 1);
        assert!(rx.try_recv().is_err(), "still alive");
        drop(b);
        let by = rx.recv_timeout(Duration::from_secs(10)).expect("dropped");
        assert_ne!(by, std::thread::current().id());
    }
}
