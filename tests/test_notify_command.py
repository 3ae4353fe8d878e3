"""The command channel: a real program with the event JSON on standard input."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from notify_support.factories import notify_config, privacy

from generator.notify import EVENT_PUBLISHED, CommandChannel, build_event
from generator.notify.channels import ChannelContext, Redactor

PYTHON = sys.executable


def make_channel(tmp_path: Path, run, environ=None, **options) -> CommandChannel:
    config = notify_config({"type": "command", "name": "announce", "run": run, **options}).channels[0]
    return CommandChannel(config, ChannelContext(tmp_path, environ if environ is not None else {"PATH": "/usr/bin:/bin"}, Redactor()))


@pytest.fixture
def event():
    statement = privacy()
    return build_event(statement, statement.versions[-1], EVENT_PUBLISHED)


def script(tmp_path: Path, code: str) -> list[str]:
    path = tmp_path / "hook.py"
    path.write_text(code)
    return [PYTHON, str(path)]


def test_program_receives_the_payload_on_standard_input(tmp_path, event):
    run = script(tmp_path, "import sys, pathlib; pathlib.Path('got.json').write_bytes(sys.stdin.buffer.read())")

    outcome = make_channel(tmp_path, run).send(event)

    assert (outcome.ok, outcome.detail) == (True, "exit 0")
    assert json.loads((tmp_path / "got.json").read_text()) == json.loads(event.body)


def test_program_runs_in_the_project_folder_with_only_the_variables_it_lists(tmp_path, event):
    run = script(
        tmp_path,
        "import os, json, pathlib\n"
        "pathlib.Path('env.json').write_text(json.dumps(dict(os.environ)))\n",
    )
    environ = {"PATH": "/usr/bin:/bin", "HOME": "/home/ci", "LANG": "C.UTF-8", "CHANNEL_TOKEN": "t-123", "GITHUB_TOKEN": "ghs_unlisted"}

    make_channel(tmp_path, run, environ=environ, env=["CHANNEL_TOKEN"]).send(event)

    seen = json.loads((tmp_path / "env.json").read_text())
    seen.pop("LC_CTYPE", None)  # set by Python itself on some platforms
    assert seen == {
        "PATH": "/usr/bin:/bin", "HOME": "/home/ci", "LANG": "C.UTF-8", "CHANNEL_TOKEN": "t-123",
        "STATEMENT_EVENT_ID": event.id, "STATEMENT_EVENT_TYPE": "statement.version.published",
    }


def test_a_hook_echoing_a_token_it_was_not_given_prints_nothing_secret(tmp_path, event):
    run = script(tmp_path, "import os, sys; print('token=' + os.environ.get('GITHUB_TOKEN', ''), file=sys.stderr); sys.exit(1)")
    environ = {"PATH": "/usr/bin:/bin", "GITHUB_TOKEN": "ghs_0123456789abcdefghijABCDEFGHIJ"}

    outcome = make_channel(tmp_path, run, environ=environ).send(event)

    assert outcome.error.endswith("exited with status 1: token=")


def test_a_listed_secret_echoed_by_the_hook_is_redacted(tmp_path, event):
    from generator.notify.channels.base import secret_looking_values

    run = script(tmp_path, "import os, sys; print('token=' + os.environ['DEPLOY_TOKEN'], file=sys.stderr); sys.exit(1)")
    environ = {"PATH": "/usr/bin:/bin", "DEPLOY_TOKEN": "plain-looking-value-42"}
    config = notify_config({"type": "command", "name": "announce", "run": run, "env": ["DEPLOY_TOKEN"]}).channels[0]
    channel = CommandChannel(config, ChannelContext(tmp_path, environ, Redactor(secret_looking_values(environ))))

    outcome = channel.send(event)

    assert outcome.error.endswith(": token=***")


def test_a_listed_variable_that_is_not_set_is_a_configuration_error(tmp_path):
    from generator.errors import NotifyError

    channel = make_channel(tmp_path, [PYTHON, "-c", "pass"], environ={"PATH": "/usr/bin:/bin"}, env=["CHAT_TOKEN"])

    with pytest.raises(NotifyError, match="env: the environment variable CHAT_TOKEN is not set"):
        channel.check_environment()


def test_a_program_that_does_not_exist_is_a_configuration_error(tmp_path):
    from generator.errors import NotifyError

    with pytest.raises(NotifyError, match="run: the program 'no-such-program-for-statements' is not found"):
        make_channel(tmp_path, ["no-such-program-for-statements"]).check_environment()
    with pytest.raises(NotifyError, match="run: the program 'scripts/missing.sh' is not found"):
        make_channel(tmp_path, ["scripts/missing.sh"]).check_environment()


def test_a_command_line_string_is_split_into_arguments(tmp_path, event):
    (tmp_path / "hook.py").write_text("import sys, pathlib; pathlib.Path('args.json').write_text(repr(sys.argv[1:]))")

    outcome = make_channel(tmp_path, f"{PYTHON} hook.py 'two words' plain").send(event)

    assert outcome.ok
    assert (tmp_path / "args.json").read_text() == "['two words', 'plain']"


def test_non_zero_exit_is_a_failure_with_the_last_error_line(tmp_path, event):
    run = script(tmp_path, "import sys; print('first', file=sys.stderr); print('chat is down', file=sys.stderr); sys.exit(3)")

    outcome = make_channel(tmp_path, run).send(event)

    assert not outcome.ok
    assert outcome.error == f"{PYTHON} exited with status 3: chat is down"


def test_program_still_running_at_the_timeout_is_stopped_and_fails(tmp_path, event):
    # The child starts a grandchild that holds the pipes open: both must be stopped.
    run = script(tmp_path, "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']); time.sleep(30)")
    started = time.monotonic()

    outcome = make_channel(tmp_path, run, timeout=0.5).send(event)

    assert not outcome.ok
    assert "still running after 0.5 s" in outcome.error
    assert time.monotonic() - started < 5


def test_missing_program_is_a_failure(tmp_path, event):
    outcome = make_channel(tmp_path, ["no-such-program-for-statements"]).send(event)

    assert not outcome.ok
    assert outcome.error.startswith("cannot run no-such-program-for-statements")


def test_preview_writes_the_payload_that_would_go_to_standard_input(tmp_path, event):
    path = make_channel(tmp_path, ["true"]).preview(event, tmp_path / "outbox")

    assert json.loads(path.read_text()) == json.loads(event.body)
