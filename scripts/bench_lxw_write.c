/*
 * CSV -> XLSX with libxlsxwriter, the C peer of `nastavnik convert --infer-types`
 * in scripts/bench.
 *
 *     bench_lxw_write IN.csv OUT.xlsx [--shared-strings]
 *
 * Reads RFC 4180 CSV (UTF-8, ',' delimiter, quoted fields with "" and line breaks)
 * and types every field by the same rules as `--infer-types`: a plain decimal number
 * (optional '-', no leading zeros but "0.x", at most 15 digits) becomes a number,
 * YYYY-MM-DD a date, YYYY-MM-DDTHH:MM:SS a date-time, anything else text.
 *
 * By default the workbook is written in constant_memory mode (rows streamed to a
 * temporary file, strings inline), like `nastavnik convert`; --shared-strings keeps
 * the whole sheet in memory and writes a shared-strings table.
 *
 * Build: gcc -O2 -o bench_lxw_write bench_lxw_write.c -lxlsxwriter
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsxwriter.h"

#define MAX_ROWS 1048576
#define MAX_COLS 16384

/* One growing buffer holding the current field. */
typedef struct {
    char *data;
    size_t length;
    size_t capacity;
} buffer;

static void buffer_push(buffer *b, char c) {
    if (b->length + 1 >= b->capacity) {
        b->capacity = b->capacity ? b->capacity * 2 : 256;
        b->data = realloc(b->data, b->capacity);
        if (!b->data) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
    }
    b->data[b->length++] = c;
}

enum field_end { END_FIELD, END_RECORD, END_FILE };

/* Reads one field into b (NUL-terminated) and says what followed it. */
static enum field_end read_field(FILE *in, buffer *b) {
    int c = getc_unlocked(in);
    b->length = 0;
    if (c == '"') {
        for (;;) {
            c = getc_unlocked(in);
            if (c == EOF) break;
            if (c == '"') {
                c = getc_unlocked(in);
                if (c != '"') break; /* closing quote; c is what follows it */
            }
            buffer_push(b, (char)c);
        }
    } else {
        while (c != EOF && c != ',' && c != '\n' && c != '\r') {
            buffer_push(b, (char)c);
            c = getc_unlocked(in);
        }
    }
    /* Skip anything between a closing quote and the delimiter, as lenient readers do. */
    while (c != EOF && c != ',' && c != '\n' && c != '\r') c = getc_unlocked(in);
    buffer_push(b, '\0');
    b->length--;
    if (c == ',') return END_FIELD;
    if (c == '\r') {
        int next = getc_unlocked(in);
        if (next != '\n' && next != EOF) ungetc(next, in);
        return END_RECORD;
    }
    return c == '\n' ? END_RECORD : END_FILE;
}

static int digits_at(const char *s, int count) {
    for (int i = 0; i < count; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static int number_at(const char *s, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) value = value * 10 + (s[i] - '0');
    return value;
}

static int is_plain_number(const char *s, size_t length) {
    size_t i = 0, digits = 0;
    if (i < length && s[i] == '-') i++;
    if (i == length || !isdigit((unsigned char)s[i])) return 0;
    if (s[i] == '0' && i + 1 < length && isdigit((unsigned char)s[i + 1])) return 0;
    while (i < length && isdigit((unsigned char)s[i])) i++, digits++;
    if (i < length && s[i] == '.') {
        i++;
        if (i == length) return 0;
        while (i < length && isdigit((unsigned char)s[i])) i++, digits++;
    }
    return i == length && digits <= 15;
}

static int is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

/* Parses YYYY-MM-DD at s into d; 1 when it is a real calendar date. */
static int parse_date(const char *s, lxw_datetime *d) {
    static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!digits_at(s, 4) || s[4] != '-' || !digits_at(s + 5, 2) || s[7] != '-' || !digits_at(s + 8, 2))
        return 0;
    d->year = number_at(s, 4);
    d->month = number_at(s + 5, 2);
    d->day = number_at(s + 8, 2);
    if (d->month < 1 || d->month > 12 || d->day < 1) return 0;
    int last = days_in_month[d->month - 1] + (d->month == 2 && is_leap(d->year));
    return d->day <= last;
}

/* Parses HH:MM:SS at s into d. */
static int parse_time(const char *s, lxw_datetime *d) {
    if (!digits_at(s, 2) || s[2] != ':' || !digits_at(s + 3, 2) || s[5] != ':' || !digits_at(s + 6, 2))
        return 0;
    d->hour = number_at(s, 2);
    d->min = number_at(s + 3, 2);
    d->sec = number_at(s + 6, 2);
    return d->hour < 24 && d->min < 60 && d->sec < 60;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--shared-strings") != 0)) {
        fprintf(stderr, "usage: %s IN.csv OUT.xlsx [--shared-strings]\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    static char input_buffer[1 << 16];
    setvbuf(in, input_buffer, _IOFBF, sizeof input_buffer);

    lxw_workbook_options options = {.constant_memory = argc == 4 ? LXW_FALSE : LXW_TRUE,
                                    .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    if (!workbook) {
        fprintf(stderr, "cannot create %s\n", argv[2]);
        return 2;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Sheet1");
    lxw_format *date_format = workbook_add_format(workbook);
    format_set_num_format(date_format, "yyyy-mm-dd");
    lxw_format *datetime_format = workbook_add_format(workbook);
    format_set_num_format(datetime_format, "yyyy-mm-dd hh:mm:ss");

    buffer field = {0};
    lxw_row_t row = 0;
    lxw_col_t col = 0;
    int first_in_record = 1;
    for (;;) {
        enum field_end end = read_field(in, &field);
        if (end == END_FILE && first_in_record && field.length == 0) break; /* no last record */
        if (row >= MAX_ROWS || col >= MAX_COLS) {
            fprintf(stderr, "%s: more than %d rows or %d columns\n", argv[1], MAX_ROWS, MAX_COLS);
            return 1;
        }
        if (field.length > 0) {
            const char *s = field.data;
            lxw_datetime when = {0};
            lxw_error error;
            if (is_plain_number(s, field.length)) {
                error = worksheet_write_number(sheet, row, col, strtod(s, NULL), NULL);
            } else if (field.length == 10 && parse_date(s, &when)) {
                error = worksheet_write_datetime(sheet, row, col, &when, date_format);
            } else if (field.length == 19 && s[10] == 'T' && parse_date(s, &when) && parse_time(s + 11, &when)) {
                error = worksheet_write_datetime(sheet, row, col, &when, datetime_format);
            } else {
                error = worksheet_write_string(sheet, row, col, s, NULL);
            }
            if (error != LXW_NO_ERROR) {
                fprintf(stderr, "row %u col %u: %s\n", row + 1, col + 1, lxw_strerror(error));
                return 1;
            }
        }
        if (end == END_FIELD) {
            col++;
            first_in_record = 0;
        } else {
            row++;
            col = 0;
            first_in_record = 1;
            if (end == END_FILE) break;
        }
    }
    fclose(in);
    free(field.data);
    lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        fprintf(stderr, "cannot write %s: %s\n", argv[2], lxw_strerror(error));
        return 2;
    }
    printf("rows=%u\n", row);
    return 0;
}
