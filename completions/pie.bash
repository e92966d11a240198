# bash completion for pie, the life-balance tracker                 -*- shell-script -*-
# Installed as share/bash-completion/completions/pie; `pie completion bash` prints this file.
# Use: source <(pie completion bash)
#
# Completes commands, options, option values and slice names. Slice names come from
# `pie [--db PATH] slices --names`, which reads the database through pie (never creating it).

# _pie_slice_names PIE [DB]: the active slice names, one per line.
_pie_slice_names() {
    local pie=$1 db=$2
    if [[ -n $db ]]; then
        "$pie" --db "$db" slices --names 2>/dev/null
    else
        "$pie" slices --names 2>/dev/null
    fi
}

# _pie_expand_tilde WORD: WORD with a leading ~/ as typed made into $HOME/.
_pie_expand_tilde() {
    if [[ $1 == "~/"* ]]; then
        printf '%s\n' "$HOME/${1#"~/"}"
    else
        printf '%s\n' "$1"
    fi
}

_pie() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # bash splits --opt=value at '=' (COMP_WORDBREAKS): complete the value after it.
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    local pie db="" command="" sub="" positionals=0 i word
    pie=$(_pie_expand_tilde "${COMP_WORDS[0]}")
    # Walk the words before the cursor: global options, the command, its subcommand, and how
    # many positional words it already has. Options that take a value skip it.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            --)
                return 0  # notes and ids follow: nothing to complete
                ;;
            --db | --color | -d | --duration | --at | -t | --tag | --slice | --format | --every | \
                --times | --minutes | --match | --rating | --since | --until | -n | --limit | \
                --days | --by | --width | --map | --rate | --done | --intention | --weeks | --months | --note | --untag)
                local value_at=$((i + 1))
                [[ ${COMP_WORDS[value_at]} == "=" ]] && value_at=$((i + 2))
                ((value_at < COMP_CWORD)) || break
                [[ $word == --db ]] && db=$(_pie_expand_tilde "${COMP_WORDS[value_at]}")
                i=$value_at
                ;;
            --week | --month)
                # the value is optional: this, last, 2026-W47, 2026-11
                if [[ ${COMP_WORDS[i + 1]} == "=" ]]; then
                    i=$((i + 2))
                elif ((i + 1 < COMP_CWORD)) && [[ ${COMP_WORDS[i + 1]} =~ ^(this|last|[0-9]) ]]; then
                    i=$((i + 1))
                fi
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=$word
                elif [[ -z $sub && $positionals -eq 0 && $command == goals && $word =~ ^(add|done|drop|pause|resume)$ ]]; then
                    sub=$word
                elif [[ -z $sub && $positionals -eq 0 && $command == slices &&
                    $word =~ ^(add|rename|retire|restore)$ ]]; then
                    sub=$word
                else
                    positionals=$((positionals + 1))
                fi
                ;;
        esac
    done

    local global_options="--db --color --ascii --help"
    local candidates=""
    case $prev in
        --db)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0
            ;;
        --color) candidates="auto always never" ;;
        --format)
            case $command in
                goals | nudge | sync) candidates="text json" ;;
                review) candidates="text markdown json" ;;
                report) candidates="text markdown json csv svg html" ;;
                trend) candidates="text markdown json csv svg html" ;;
                export) candidates="json csv" ;;
                import) candidates="json csv timewarrior" ;;
                *) candidates="text json csv" ;;
            esac
            ;;
        --every) candidates="day week month" ;;
        --by) candidates="minutes count" ;;
        --week | --month)
            # optional value: offer this/last unless an option is being typed
            [[ $cur == -* ]] || candidates="this last"
            ;;
        --slice) candidates=$(_pie_slice_names "$pie" "$db") ;;
        --rate)
            local name
            for name in $(_pie_slice_names "$pie" "$db"); do candidates+=" $name="; done
            compopt -o nospace 2>/dev/null
            ;;
        --at | --since | --until)
            candidates="now today yesterday monday tuesday wednesday thursday friday saturday sunday"
            ;;
        -d | --duration | -t | --tag | --times | --minutes | --match | --rating | -n | --limit | \
            --days | --width | --map | --done | --intention | --weeks | --months | --note | --untag)
            return 0  # a value of the user's own
            ;;
    esac
    if [[ -z $candidates && -z $command ]]; then
        if [[ $cur == -* ]]; then
            candidates="$global_options --version"
        else
            candidates="log rate goals report trend calendar review nudge history edit rm undo slices export import sync completion"
        fi
    elif [[ -z $candidates && $cur == -* ]]; then
        case "$command $sub" in
            "log ") candidates="--duration --at --tag --quiet" ;;
            "rate ") candidates="--at --list --slice --format" ;;
            "goals ") candidates="--all --format" ;;
            "goals add") candidates="--every --times --minutes --match --rating" ;;
            "goals pause") candidates="--until" ;;
            "review ") candidates="--rate --done --intention --format --list" ;;
            "nudge ") candidates="--all --format" ;;
            "sync ") candidates="--status --format" ;;
            "report ")
                candidates="--days --week --month --since --until --all --by --format --width"
                ;;
            "trend ") candidates="--weeks --months --slice --by --format --width" ;;
            "calendar ") candidates="--weeks --by --format" ;;
            "history ") candidates="--since --until --slice --limit --format" ;;
            "edit ") candidates="--at --duration --no-duration --slice --note --tag --untag --quiet" ;;
            "slices ") candidates="--names" ;;
            "slices add") candidates="--label" ;;
            "export ") candidates="--format --since --until" ;;
            "import ") candidates="--format --map --dry-run" ;;
        esac
        candidates="$candidates $global_options"
    elif [[ -z $candidates ]]; then
        case "$command $sub $positionals" in
            "log  0" | "rate  0" | "goals add 0" | "slices rename 0" | "slices retire 0")
                candidates=$(_pie_slice_names "$pie" "$db")
                ;;
            "calendar  "*) candidates=$(_pie_slice_names "$pie" "$db") ;;
            "goals  0") candidates="add done drop pause resume" ;;
            "slices  0") candidates="add rename retire restore" ;;
            "completion  0") candidates="bash zsh fish" ;;
            "import  0")
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                return 0
                ;;
        esac
    fi
    mapfile -t COMPREPLY < <(compgen -W "$candidates" -- "$cur")
    return 0
}

complete -F _pie pie
