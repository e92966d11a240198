// pie completion bash|zsh|fish   (§8): print a shell completion script.
// The scripts are the files under completions/, embedded at build time, so what this prints is
// exactly what `cmake --install` puts in place.

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>

#include <pie_completion_scripts.hpp>

#include <fmt/format.h>

#include <memory>

namespace pie {

namespace {

void run_completion(const std::string& shell) {
    if (shell == "bash") {
        print(k_completion_bash);
    } else if (shell == "zsh") {
        print(k_completion_zsh);
    } else if (shell == "fish") {
        print(k_completion_fish);
    } else {
        throw UserError(fmt::format("unknown shell '{}'", shell), "pie completes in bash, zsh and fish");
    }
}

}  // namespace

void register_completion(CLI::App& command, Context&) {
    auto shell = std::make_shared<std::string>();
    CLI::App* completion = &command;
    completion->add_option("SHELL", *shell, "bash, zsh or fish")->required();
    set_examples(completion,
                 "  source <(pie completion bash)          # in ~/.bashrc\n"
                 "  pie completion zsh > ~/.zfunc/_pie     # with fpath+=~/.zfunc in ~/.zshrc\n"
                 "  pie completion fish > ~/.config/fish/completions/pie.fish\n");
    completion->callback([shell] { run_completion(*shell); });
}

}  // namespace pie
