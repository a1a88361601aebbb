//! waqai's page: mounts the app, nothing else.

mod panic_notice;

fn main() {
    // The console message (console_error_panic_hook) and a notice in the page.
    panic_notice::install();
    leptos::mount::mount_to_body(waqai_web::App);
}
