//! The extraction worker (`assets/worker.js`): starting it, sending it jobs,
//! hearing its replies, stopping it. The protocol is described in worker.js;
//! what to do with the replies is `crate::extractor`'s business.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the worker said.
#[derive(Debug)]
pub enum Reply {
    /// The engine has loaded.
    Ready,
    /// The engine could not load (or the worker script failed).
    Failed(String),
    /// Bytes of the article read so far.
    Progress {
        job: u32,
        done: f64,
    },
    Done {
        job: u32,
        /// The extraction in the engine's binary form (`waqai_engine::wire`).
        answer: Vec<u8>,
    },
    Error {
        job: u32,
        message: String,
    },
}

/// A running worker; dropping it does not stop it, [`EngineWorker::stop`] does.
pub struct EngineWorker {
    worker: web_sys::Worker,
    // Kept alive as long as the worker: the browser calls them.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl EngineWorker {
    /// Starts the worker named by the start-up script (`data-worker`, see
    /// Trunk.toml), which knows the site's base path.
    pub fn start(on_reply: impl Fn(Reply) + 'static) -> Result<EngineWorker, String> {
        let url = worker_url();
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&url, &options).map_err(describe)?;
        let on_reply = std::rc::Rc::new(on_reply);
        let reply = on_reply.clone();
        let on_message = Closure::<dyn FnMut(_)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(r) = parse(&ev.data()) {
                reply(r);
            }
        });
        let on_error = Closure::<dyn FnMut(_)>::new(move |ev: web_sys::Event| {
            let message = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| format!("the extraction worker ({url}) did not load"));
            on_reply(Reply::Failed(message));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(EngineWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Queues one article; `published` is `YYYY-MM-DD` or empty.
    pub fn send(&self, job: u32, text: &str, published: &str) -> Result<(), String> {
        let msg = js_sys::Object::new();
        set(&msg, "id", &JsValue::from(job));
        set(&msg, "text", &JsValue::from_str(text));
        set(&msg, "published", &JsValue::from_str(published));
        self.worker.post_message(&msg).map_err(describe)
    }

    /// Stops the worker at once, whatever it is doing.
    pub fn stop(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("script[data-worker]").ok().flatten())
        .and_then(|s| s.get_attribute("data-worker"))
        .unwrap_or_else(|| "worker.js".to_string())
}

thread_local! {
    /// The reply's keys as JavaScript strings, made once: a thousand
    /// answers would otherwise make (and decode) five thousand of them.
    static KEYS: [JsValue; 6] =
        ["id", "answer", "done", "ready", "failed", "error"].map(JsValue::from_str);
}

fn parse(data: &JsValue) -> Option<Reply> {
    KEYS.with(|keys| parse_with(data, keys))
}

fn parse_with(
    data: &JsValue,
    [id, answer, done, ready, failed, error]: &[JsValue; 6],
) -> Option<Reply> {
    let get = |k: &JsValue| {
        js_sys::Reflect::get(data, k)
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let num = |k: &JsValue| get(k).and_then(|v| v.as_f64());
    let text = |k: &JsValue| get(k).and_then(|v| v.as_string());
    // The usual reply first: an answer.
    if let Some(job) = num(id) {
        let job = job as u32;
        if let Some(bytes) = get(answer).and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) {
            return Some(Reply::Done {
                job,
                answer: bytes.to_vec(),
            });
        }
        if let Some(message) = text(error) {
            return Some(Reply::Error { job, message });
        }
        return Some(Reply::Progress {
            job,
            done: num(done)?,
        });
    }
    if get(ready).is_some_and(|v| v.is_truthy()) {
        return Some(Reply::Ready);
    }
    text(failed).map(Reply::Failed)
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".to_string())
}
