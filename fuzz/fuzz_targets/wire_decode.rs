//! The engine's binary answer form (`waqai_engine::wire`), as the page reads
//! the worker's answers: any bytes must be refused or read, never panic, and
//! what is read must write and read back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waqai_engine::wire;

fuzz_target!(|data: &[u8]| {
    if let Ok(x) = wire::decode(data) {
        let bytes = wire::encode(&x);
        let again = wire::decode(&bytes).expect("what was read writes readable bytes");
        // Compared as bytes: a coordinate may be NaN, which equals nothing.
        assert_eq!(wire::encode(&again), bytes);
    }
});
