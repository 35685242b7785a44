# Runs a command in a pseudo-terminal, as a user's terminal would: the command leads a new session
# whose controlling terminal is the pty, so Ctrl-C is the terminal's own SIGINT to its foreground
# process group, not a signal a test picked a target for.
#
#   python3 in-terminal.py <command> [args…]
#
# Prints "pid <n>" (the command's PID, which is also its session's id), then relays the terminal's
# output to stdout. A line "ctrl-c" on stdin types Ctrl-C into the terminal. Exits when the command
# has exited and its output is drained; EOF on stdin (the test went away) hangs the terminal up.
import os
import pty
import select
import sys

pid, master = pty.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)

sys.stdout.write(f"pid {pid}\n")
sys.stdout.flush()
watch = [master, sys.stdin.fileno()]
while True:
    ready, _, _ = select.select(watch, [], [])
    if master in ready:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the command and everything on the terminal have gone
            data = b""
        if not data:
            break
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if sys.stdin.fileno() in ready:
        line = sys.stdin.readline()
        if line == "":
            break  # closing the master sends SIGHUP to the terminal's session, as closing a window does
        if line.strip() == "ctrl-c":
            os.write(master, b"\x03")
os.close(master)
os.waitpid(pid, 0)
