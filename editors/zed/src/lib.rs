// The answerlint extension for Zed: Zed starts only the language servers an extension names, so this
// names one, `answerlint lsp`, found on the PATH of the project's shell.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Answerlint;

impl zed::Extension for Answerlint {
    fn new() -> Self {
        Answerlint
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let path = worktree
            .which("answerlint")
            .ok_or("answerlint is not on your PATH: go install github.com/answerlint/answerlint@latest")?;
        Ok(zed::Command {
            command: path,
            args: vec!["lsp".into()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Answerlint);
