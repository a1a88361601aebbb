// waqai's extraction worker: runs the engine (waqai-worker.js, the WebAssembly build of
// crates/worker) off the page's main thread, so the page stays responsive while a thousand
// articles or a long text are read. One job at a time, in the order they come.
//
// page → worker  {id, text, published}        published: "YYYY-MM-DD" or ""
// worker → page  {id, done, total}            progress within a long text (bytes), not
//                                             sent for its last piece: the answer follows
//                {id, answer}                 the extraction in the engine's binary form
//                                             (waqai_engine::wire; a transferred Uint8Array),
//                                             evidence spans' text empty (the page has it)
//                {id, error}                  a readable reason; the next job still runs
//                {ready: true} | {failed}     once, when the engine has (or has not) loaded
// Cancelling is the page's business: it terminates this worker and starts another.
import init, { extract_answer, warm_up } from './waqai-worker.js';

// The engine builds its tables before it says it is ready, not on the first article.
const ready = init().then(
  () => {
    warm_up();
    postMessage({ ready: true });
  },
  (e) => {
    postMessage({ failed: String(e) });
    throw e;
  },
);

onmessage = async ({ data: { id, text, published } }) => {
  try {
    await ready;
    // A short article is one piece: its only progress message would say "done" just
    // before the answer does (a thousand articles: a thousand messages for nothing).
    const answer = extract_answer(text, published || '', (done, total) => {
      if (done < total) postMessage({ id, done, total });
    });
    postMessage({ id, answer }, [answer.buffer]);
  } catch (e) {
    postMessage({ id, error: String(e) });
  }
};
