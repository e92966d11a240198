# fish completion for pie, the life-balance tracker.
# Installed as share/fish/vendor_completions.d/pie.fish; `pie completion fish` prints this file.
# Use: pie completion fish > ~/.config/fish/completions/pie.fish
#
# Slice names come from `pie [--db PATH] slices --names`, which reads the database through pie
# (never creating it).

# The active slice names, asked from the pie being completed with the --db given on the line.
function __pie_slices
    set -l words (commandline -opc)
    set -l db_args
    for i in (seq 2 (count $words))
        if test "$words[$i]" = --db; and test $i -lt (count $words)
            set db_args --db $words[(math $i + 1)]
        else if string match -q -- '--db=*' $words[$i]
            set db_args --db (string replace -- '--db=' '' $words[$i])
        end
    end
    command $words[1] $db_args slices --names 2>/dev/null
end

# The words typed before the cursor that are not options or option values: the command,
# its subcommand, then its arguments.
function __pie_words
    set -l skip 0
    for word in (commandline -opc)[2..-1]
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $word
            case --db --color -d --duration --at -t --tag --slice --format --every --times --minutes --match --rating --since --until -n --limit --days --by --width --map --weeks --months --note --untag
                set skip 1
            case '-*'
            case '*'
                echo $word
        end
    end
end

# True when the words typed start with $argv: `__pie_is goals add`.
function __pie_is
    set -l found (__pie_words)
    for i in (seq (count $argv))
        test "$found[$i]" = "$argv[$i]"; or return 1
    end
end

# True when the words typed are exactly $argv: the next word is the first argument.
function __pie_first_argument
    set -l found (__pie_words)
    test (count $found) -eq (count $argv)
end

set -l commands log rate goals report trend calendar review nudge history edit rm undo slices export import sync completion
set -l when 'now today yesterday monday tuesday wednesday thursday friday saturday sunday'

complete -c pie -f
# Global options, before or after the command.
complete -c pie -l db -r -F -d 'the database file'
complete -c pie -l color -x -a 'auto always never' -d 'when to colour output'
complete -c pie -l ascii -d '7-bit ASCII output only'
complete -c pie -l help -d 'show help'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -l version -d 'show the version'

# Commands.
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a log -d 'log what you did for a slice'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a rate -d 'rate a slice, 1-10'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a goals -d 'goals per slice, with progress'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a report -d 'where your attention went'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a trend -d 'how the pie changed over time'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a calendar -d 'a heatmap of days'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a review -d 'the weekly check-in'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a nudge -d 'one kind line for a prompt'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a history -d 'list logged entries'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a edit -d 'change an entry in place'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a rm -d 'delete entries by id'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a undo -d 'revert the most recent change'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a slices -d 'the slices of your pie'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a export -d 'print your data as JSON or CSV'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a import -d 'read pie JSON/CSV or Timewarrior data'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a sync -d 'exchange changes with your other devices'
complete -c pie -n "not __fish_seen_subcommand_from $commands" -a completion -d 'print a completion script'

# log SLICE [DURATION] [NOTE...]
complete -c pie -n '__pie_is log; and __pie_first_argument log' -a '(__pie_slices)'
complete -c pie -n '__pie_is log' -s d -l duration -x -d 'how long: 45m, 2h, 1h30m, 1.5h, 1:30'
complete -c pie -n '__pie_is log' -l at -x -a "$when" -d 'when it happened'
complete -c pie -n '__pie_is log' -s t -l tag -x -d 'a tag'
complete -c pie -n '__pie_is log' -s q -l quiet -d 'print nothing'

# rate SLICE SCORE [NOTE...] | SLICE=SCORE... | --list
complete -c pie -n '__pie_is rate; and __pie_first_argument rate' -a '(__pie_slices)'
complete -c pie -n '__pie_is rate' -l at -x -a "$when" -d 'when'
complete -c pie -n '__pie_is rate' -l list -d 'show the rating history'
complete -c pie -n '__pie_is rate' -l slice -x -a '(__pie_slices)' -d 'with --list: only this slice'
complete -c pie -n '__pie_is rate' -l format -x -a 'text json csv' -d 'output format'

# goals [add|done|drop|pause|resume]
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -a add -d 'set a goal'
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -a done -d 'a one-off goal is achieved'
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -a drop -d 'retire a goal'
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -a pause -d 'pause a goal'
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -a resume -d 'end the pause of a goal'
complete -c pie -n '__pie_is goals pause' -l until -x -a "$when" -d 'when the pause ends'
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -l all -d 'also goals done and dropped'
complete -c pie -n '__pie_is goals; and __pie_first_argument goals' -l format -x -a 'text json' -d 'output format'
complete -c pie -n '__pie_is goals add; and __pie_first_argument goals add' -a '(__pie_slices)'
complete -c pie -n '__pie_is goals add' -l every -x -a 'day week month' -d 'recurring'
complete -c pie -n '__pie_is goals add' -l times -x -d 'entries per period'
complete -c pie -n '__pie_is goals add' -l minutes -x -d 'time per period, a DURATION'
complete -c pie -n '__pie_is goals add' -l match -x -d 'count only entries matching TEXT'
complete -c pie -n '__pie_is goals add' -l rating -x -a '1 2 3 4 5 6 7 8 9 10' -d 'met at this rating'

# report
complete -c pie -n '__pie_is report' -l days -x -d 'today and the N-1 days before'
complete -c pie -n '__pie_is report' -l week -x -a 'this last' -d 'a calendar week (or YYYY-Www)'
complete -c pie -n '__pie_is report' -l month -x -a 'this last' -d 'a calendar month (or YYYY-MM)'
complete -c pie -n '__pie_is report' -l since -x -a "$when" -d 'from WHEN'
complete -c pie -n '__pie_is report' -l until -x -a "$when" -d 'up to WHEN'
complete -c pie -n '__pie_is report' -l all -d 'everything'
complete -c pie -n '__pie_is report' -l by -x -a 'minutes count' -d 'what shares are of'
complete -c pie -n '__pie_is report' -l format -x -a 'text markdown json csv svg html' -d 'output format'
complete -c pie -n '__pie_is report' -l width -x -d 'columns of text output'

# review, nudge
complete -c pie -n '__pie_is review' -l rate -x -a '(__pie_slices | string replace -r "\$" "=")' -d 'rate a slice, SLICE=SCORE'
complete -c pie -n '__pie_is review' -l done -x -d 'mark an open one-off goal done'
complete -c pie -n '__pie_is review' -l intention -x -d 'one intention for the coming week'
complete -c pie -n '__pie_is review' -l format -x -a 'text markdown json' -d "the summary's format"
complete -c pie -n '__pie_is review' -l list -d 'past reviews, newest first'
complete -c pie -n '__pie_is nudge' -l all -d 'every candidate, one per line'
complete -c pie -n '__pie_is nudge' -l format -x -a 'text json' -d 'output format'
# sync
complete -c pie -n '__pie_is sync' -l status -d 'devices seen, what waits to go in or out'
complete -c pie -n '__pie_is sync' -l format -x -a 'text json' -d 'output format (with --status)'
complete -c pie -n '__pie_is sync' -x -a '(__fish_complete_directories)' -d 'the shared folder'

# trend
complete -c pie -n '__pie_is trend' -l weeks -x -d 'the last N weeks (2-104)'
complete -c pie -n '__pie_is trend' -l months -x -d 'the last N months (2-60)'
complete -c pie -n '__pie_is trend' -l slice -x -a '(__pie_slices)' -d 'show only this slice'
complete -c pie -n '__pie_is trend' -l by -x -a 'minutes count' -d 'what shares are of'
complete -c pie -n '__pie_is trend' -l format -x -a 'text markdown json csv svg html' -d 'output format'
complete -c pie -n '__pie_is trend' -l width -x -d 'columns of text output'

# calendar [SLICE]...
complete -c pie -n '__pie_is calendar' -a '(__pie_slices)'
complete -c pie -n '__pie_is calendar' -l weeks -x -d 'the last N weeks (1-53)'
complete -c pie -n '__pie_is calendar' -l by -x -a 'minutes count' -d 'what a day counts'
complete -c pie -n '__pie_is calendar' -l format -x -a 'text json csv' -d 'output format'

# edit ID
complete -c pie -n '__pie_is edit' -l at -x -a "$when" -d 'when it happened'
complete -c pie -n '__pie_is edit' -s d -l duration -x -d 'how long: 45m, 2h, 1h30m, 1.5h, 1:30'
complete -c pie -n '__pie_is edit' -l no-duration -d 'an occurrence with no minutes'
complete -c pie -n '__pie_is edit' -l slice -x -a '(__pie_slices)' -d 'move it to this slice'
complete -c pie -n '__pie_is edit' -l note -x -d 'the new note'
complete -c pie -n '__pie_is edit' -s t -l tag -x -d 'add a tag'
complete -c pie -n '__pie_is edit' -l untag -x -d 'remove a tag'
complete -c pie -n '__pie_is edit' -s q -l quiet -d 'print nothing'

# history
complete -c pie -n '__pie_is history' -l since -x -a "$when" -d 'from WHEN on'
complete -c pie -n '__pie_is history' -l until -x -a "$when" -d 'up to WHEN'
complete -c pie -n '__pie_is history' -l slice -x -a '(__pie_slices)' -d 'only this slice'
complete -c pie -n '__pie_is history' -s n -l limit -x -d 'the last N entries (0: all)'
complete -c pie -n '__pie_is history' -l format -x -a 'text json csv' -d 'output format'

# slices [--names | add | rename | retire | restore]
complete -c pie -n '__pie_is slices; and __pie_first_argument slices' -a add -d 'add a slice'
complete -c pie -n '__pie_is slices; and __pie_first_argument slices' -a rename -d 'rename a slice'
complete -c pie -n '__pie_is slices; and __pie_first_argument slices' -a retire -d 'retire a slice'
complete -c pie -n '__pie_is slices; and __pie_first_argument slices' -a restore -d 'bring a retired slice back'
complete -c pie -n '__pie_is slices; and __pie_first_argument slices' -l names -d 'only the active slice names'
complete -c pie -n '__pie_is slices add' -l label -x -d 'how reports name it'
complete -c pie -n '__pie_is slices rename; and __pie_first_argument slices rename' -a '(__pie_slices)'
complete -c pie -n '__pie_is slices retire; and __pie_first_argument slices retire' -a '(__pie_slices)'

# export, import
complete -c pie -n '__pie_is export' -l format -x -a 'json csv' -d 'output format'
complete -c pie -n '__pie_is export' -l since -x -a "$when" -d 'from WHEN on'
complete -c pie -n '__pie_is export' -l until -x -a "$when" -d 'up to WHEN'
complete -c pie -n '__pie_is import' -F
complete -c pie -n '__pie_is import' -l format -x -a 'json csv timewarrior' -d 'input format'
complete -c pie -n '__pie_is import' -l map -x -d 'TAG=SLICE: a Timewarrior tag into a slice'
complete -c pie -n '__pie_is import' -l dry-run -d 'report the counts, write nothing'

# completion SHELL
complete -c pie -n '__pie_is completion; and __pie_first_argument completion' -a 'bash zsh fish'
