// GNU readline behind one door. Swift never names readline's mutable globals:
// these setters do it, so strict concurrency stays on.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void crl_set_name(const char *n) { rl_readline_name = n; }
static inline void crl_set_completer(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void crl_no_filename_completion(void) { rl_attempted_completion_over = 1; }
static inline void crl_set_event_hook(rl_hook_func_t *f) { rl_event_hook = f; }
static inline void crl_set_signal_event_hook(rl_hook_func_t *f) { rl_signal_event_hook = f; }
static inline void crl_finish_line(void) { rl_done = 1; }
static inline void crl_no_append_space(void) { rl_completion_append_character = '\0'; }
static inline void crl_catch_signals(int on) { rl_catch_signals = on; }
static inline const char *crl_line_buffer(void) { return rl_line_buffer; }
static inline int crl_point(void) { return rl_point; }
