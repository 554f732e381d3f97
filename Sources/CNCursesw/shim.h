#ifndef OPSDECK_CNCURSESW_SHIM_H
#define OPSDECK_CNCURSESW_SHIM_H

// Wide-character curses needs these before the header, or cchar_t and get_wch vanish.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift does not import function-like macros or globals that are shared mutable
// state under Swift 6; these wrappers are the only way in.
static inline attr_t opsdeck_a_normal(void) { return A_NORMAL; }
static inline attr_t opsdeck_a_bold(void) { return A_BOLD; }
static inline attr_t opsdeck_a_dim(void) { return A_DIM; }
static inline attr_t opsdeck_a_reverse(void) { return A_REVERSE; }
static inline attr_t opsdeck_a_underline(void) { return A_UNDERLINE; }
static inline attr_t opsdeck_a_italic(void) { return A_ITALIC; }
static inline attr_t opsdeck_a_blink(void) { return A_BLINK; }
static inline int opsdeck_lines(void) { return LINES; }
static inline int opsdeck_cols(void) { return COLS; }
static inline int opsdeck_colors(void) { return COLORS; }
static inline int opsdeck_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *opsdeck_stdscr(void) { return stdscr; }
static inline mmask_t opsdeck_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t opsdeck_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t opsdeck_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t opsdeck_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t opsdeck_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t opsdeck_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int opsdeck_key_f(int n) { return KEY_F(n); }
static inline int opsdeck_wcwidth(wchar_t c) { return wcwidth(c); }

// stdin/stdout are mutable globals to Swift 6; newterm needs them as FILE *.
static inline FILE *opsdeck_stdin(void) { return stdin; }
static inline FILE *opsdeck_stdout(void) { return stdout; }
static inline int opsdeck_getmaxx(WINDOW *win) { return getmaxx(win); }
static inline int opsdeck_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline mmask_t opsdeck_button4_released(void) { return BUTTON4_RELEASED; }
static inline mmask_t opsdeck_button5_released(void) { return BUTTON5_RELEASED; }
static inline int opsdeck_ccharw_max(void) { return CCHARW_MAX; }

// Whether the terminfo string capability `name` is present; tigetstr returns
// (char *)-1 for a name that is not a string capability, which Swift cannot test.
static inline const char *opsdeck_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) { return NULL; }
    return value;
}

#endif
