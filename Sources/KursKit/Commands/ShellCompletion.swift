import Foundation

/// The shells `kurs completion` writes a script for.
public enum CompletionShell: String, Sendable, Equatable, CaseIterable {
  case bash, zsh
}

/// `kurs completion bash|zsh`: a completion script for the commands, subcommands and options
/// that the parser knows, and the course ids found when the script is made. Built from
/// `CommandReference`, that is from the commands' declarations, so a new command or option is
/// completed as soon as it is declared.
public enum ShellCompletion {
  /// The script for `shell`.
  /// - Parameter courses: course ids to complete after `start`, `graph`, `stats`, `pack` and
  ///   `--course` (those found when the script is made).
  public static func script(for shell: CompletionShell, courses: [String]) -> String {
    let courses = courses.filter(isPlainWord).sorted()
    switch shell {
    case .bash: return bash(courses: courses)
    case .zsh: return zsh(courses: courses)
    }
  }

  /// A word that needs no quoting in a shell script (course ids are letters, digits, - and _).
  static func isPlainWord(_ word: String) -> Bool {
    !word.isEmpty
      && word.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "-_.".unicodeScalars.contains($0))
      }
  }

  private static var valueOptions: [String] {
    CommandReference.allOptions.filter(CommandReference.takesValue)
  }

  /// The `case` arms that complete an option's value.
  private static func valueCases(
    indent: String, directories: String, files: String, words: (String) -> String
  ) -> String {
    let declared = CommandReference.declaredOptions.filter { !$0.isFlag }
    let folders = declared.filter { $0.completion == .directory }.map(\.name)
    var known: [String: [String]] = [:]
    for option in declared {
      if case .words(let words) = option.completion { known[option.name] = words }
    }
    let courseOptions = declared.filter { $0.completion == .course }.map(\.name)
    var text =
      "\(indent)\(folders.joined(separator: "|")))\n\(indent)  \(directories)\n\(indent)  ;;\n"
    for (option, values) in known.sorted(by: { $0.key < $1.key }) {
      text +=
        "\(indent)\(option))\n\(indent)  \(words(values.joined(separator: " ")))\n\(indent)  ;;\n"
    }
    let rest = valueOptions.filter {
      !folders.contains($0) && known[$0] == nil && !courseOptions.contains($0)
    }
    text += "\(indent)\(rest.joined(separator: "|")))\n\(indent)  \(files)\n\(indent)  ;;\n"
    return text
  }

  /// One `case` arm per command: `arm(command, words)` for each command with `words`.
  private static func arms(
    _ words: (String) -> [String], _ arm: (String, [String]) -> String
  ) -> String {
    CommandReference.commands.compactMap { command in
      let list = words(command)
      return list.isEmpty ? nil : arm(command, list)
    }.joined()
  }

  /// The loop that finds the command and its subcommand among the words typed so far, skipping
  /// options and their values (bash and zsh differ only in where the words are).
  private static func commandScan(from first: Int, before end: String, word: String) -> String {
    """
      local command="" sub="" i
      for ((i = \(first); i < \(end); i++)); do
        case "\(word)" in
          \(valueOptions.joined(separator: "|"))) ((i++)) ;;
          -*) ;;
          *)
            if [[ -z $command ]]; then command="\(word)"
            elif [[ -z $sub ]]; then sub="\(word)"
            fi
            ;;
        esac
      done
    """
  }

  /// The commands whose first argument is a course id, as a `case` pattern.
  private static var coursePattern: String {
    CommandReference.commands.filter(CommandReference.courseCommands.contains).joined(
      separator: "|")
  }

  // MARK: bash

  private static func bash(courses: [String]) -> String {
    let commands = CommandReference.commands.joined(separator: " ")
    let perCommand = arms(CommandReference.options(of:)) {
      "      \($0)) options=\"$options \($1.joined(separator: " "))\" ;;\n"
    }
    let subcommands = arms(CommandReference.subcommands(of:)) {
      "      \($0)) words=\"\($1.joined(separator: " "))\" ;;\n"
    }
    return """
      # bash completion for kurs, written by 'kurs completion bash' from kurs's own help.
      # Load it in ~/.bashrc with:  source <(kurs completion bash)
      # or install it:              kurs completion bash > ~/.local/share/bash-completion/completions/kurs
      # Course ids are those kurs found when this was written; write it again after 'kurs add'.

      _kurs() {
        local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
        local commands="\(commands)"
        local courses="\(courses.joined(separator: " "))"
      \(commandScan(from: 1, before: "COMP_CWORD", word: "${COMP_WORDS[i]}"))

        case "$prev" in
      \(valueCases(indent: "    ", directories: "COMPREPLY=($(compgen -d -- \"$cur\")); return", files: "COMPREPLY=($(compgen -f -- \"$cur\")); return", words: { "COMPREPLY=($(compgen -W \"\($0)\" -- \"$cur\")); return" }))    --course)
            COMPREPLY=($(compgen -W "$courses" -- "$cur")); return
            ;;
        esac

        if [[ $cur == -* ]]; then
          local options="\(CommandReference.globalOptions.joined(separator: " "))"
          case "$command" in
      \(perCommand)    esac
          COMPREPLY=($(compgen -W "$options" -- "$cur"))
          return
        fi

        if [[ -z $command ]]; then
          COMPREPLY=($(compgen -W "$commands" -- "$cur"))
          return
        fi
        local words=""
        if [[ -z $sub ]]; then
          case "$command" in
            \(coursePattern)) words="$courses" ;;
            help) words="$commands" ;;
      \(subcommands)    esac
        fi
        if [[ -n $words ]]; then
          COMPREPLY=($(compgen -W "$words" -- "$cur"))
        else
          COMPREPLY=($(compgen -f -- "$cur"))
        fi
      }
      complete -o filenames -F _kurs kurs

      """
  }

  // MARK: zsh

  private static func zsh(courses: [String]) -> String {
    func quoted(_ text: String) -> String {
      "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    let described = CommandReference.commands.map { command in
      let summary = CommandReference.summary(of: command).replacingOccurrences(of: ":", with: "\\:")
      return "    " + quoted(summary.isEmpty ? command : "\(command):\(summary)")
    }.joined(separator: "\n")
    let perCommand = arms(CommandReference.options(of:)) {
      "      \($0)) options+=(\($1.joined(separator: " "))) ;;\n"
    }
    let subcommands = arms(CommandReference.subcommands(of:)) {
      "        \($0)) compadd -- \($1.joined(separator: " ")); return ;;\n"
    }
    return """
      #compdef kurs
      # zsh completion for kurs, written by 'kurs completion zsh' from kurs's own help.
      # Load it in ~/.zshrc (after compinit) with:  source <(kurs completion zsh)
      # or put it in a folder of your $fpath as _kurs.
      # Course ids are those kurs found when this was written; write it again after 'kurs add'.

      _kurs() {
        local -a commands courses options
        commands=(
      \(described)
        )
        courses=(\(courses.joined(separator: " ")))
      \(commandScan(from: 2, before: "CURRENT", word: "${words[i]}"))

        case "${words[CURRENT-1]}" in
      \(valueCases(indent: "    ", directories: "_files -/; return", files: "_files; return", words: { "compadd -- \($0); return" }))    --course)
            compadd -a courses; return
            ;;
        esac

        if [[ $PREFIX == -* ]]; then
          options=(\(CommandReference.globalOptions.joined(separator: " ")))
          case "$command" in
      \(perCommand)    esac
          compadd -- $options
          return
        fi

        if [[ -z $command ]]; then
          _describe 'kurs command' commands
          return
        fi
        if [[ -z $sub ]]; then
          case "$command" in
            \(coursePattern)) compadd -a courses; return ;;
            help) compadd -- ${commands%%:*}; return ;;
      \(subcommands)      esac
        fi
        _files
      }

      if [[ "${funcstack[1]}" == _kurs ]]; then
        _kurs "$@"
      else
        compdef _kurs kurs
      fi

      """
  }
}
