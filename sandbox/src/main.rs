use clap::Parser;

fn main() -> std::process::ExitCode {
    let config = formakit_sandbox::cli::Args::parse().into_config();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("formakit-sandbox: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(formakit_sandbox::serve(config)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("formakit-sandbox: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
