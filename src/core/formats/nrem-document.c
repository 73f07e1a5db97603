/* nrem-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-document.h"
#include "nrem-error.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define MARGIN 56.0        /* about 2 cm */
#define HEADER_SPACE 22.0
#define BODY_FONT "Sans 10.5"
#define LABEL_WIDTH 28.0   /* hanging paragraph numbers */
#define CELL_GAP 8.0

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ROW,
  BLOCK_SPACE,
} BlockKind;

typedef struct
{
  BlockKind     kind;
  guint         level;
  char         *markup;     /* paragraph or heading text, as Pango markup */
  char         *label;      /* hanging number, as markup */
  double        indent;
  GPtrArray    *cells;      /* markup of each cell */
  double       *widths;
  gboolean      header;
  double        space;

  /* layout */
  PangoLayout  *layout;
  PangoLayout  *label_layout;
  GPtrArray    *cell_layouts;
  double        height;
  double        label_width;  /* the hanging number's column: wide enough for "12 bis." */
} Block;

/* A piece of a block on a page: lines [first, first + n) of a paragraph, or a whole block. */
typedef struct
{
  guint  block;
  int    first_line;
  int    n_lines;
  double y;
} Piece;

struct _NremDocument
{
  char      *title;
  GPtrArray *blocks;
  GArray    *pieces;
  GArray    *page_starts;   /* index of the first piece of each page */
  double     page_width;
  double     page_height;
};

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_free (block->label);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block->widths);
  g_clear_object (&block->layout);
  g_clear_object (&block->label_layout);
  g_clear_pointer (&block->cell_layouts, g_ptr_array_unref);
  g_free (block);
}

NremDocument *
nrem_document_new (const char *title)
{
  NremDocument *doc = g_new0 (NremDocument, 1);

  doc->title = g_strdup (title);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  doc->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  return doc;
}

void
nrem_document_free (NremDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title);
  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->pieces);
  g_array_unref (doc->page_starts);
  g_free (doc);
}

static Block *
add_block (NremDocument *doc,
           BlockKind     kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
nrem_document_add_heading (NremDocument *doc,
                           guint         level,
                           const char   *text)
{
  Block *block = add_block (doc, BLOCK_HEADING);

  block->level = CLAMP (level, 1, 3);
  block->markup = g_markup_escape_text (text, -1);
}

/**
 * nrem_document_add_markup:
 * @markup: Pango markup
 * @label: (nullable): a number that hangs in the margin of the paragraph ("12.", "(a)")
 * @indent_pt: how far the paragraph is indented, in points
 */
void
nrem_document_add_markup (NremDocument *doc,
                          const char   *markup,
                          const char   *label,
                          double        indent_pt)
{
  Block *block = add_block (doc, BLOCK_PARAGRAPH);

  block->markup = g_strdup (markup);
  block->label = label ? g_markup_escape_text (label, -1) : NULL;
  block->indent = indent_pt;
}

void
nrem_document_add_paragraph (NremDocument *doc,
                             const char   *text,
                             const char   *label,
                             double        indent_pt)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);

  nrem_document_add_markup (doc, markup, label, indent_pt);
}

/**
 * nrem_document_add_row:
 * @widths: the share of the width of each cell; they add up to 1
 * @header: a header row is bold and ruled below
 */
void
nrem_document_add_row (NremDocument       *doc,
                       const char * const *cells,
                       const double       *widths,
                       guint               n_cells,
                       gboolean            header)
{
  Block *block = add_block (doc, BLOCK_ROW);

  block->cells = g_ptr_array_new_with_free_func (g_free);
  block->widths = g_new (double, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      g_ptr_array_add (block->cells, g_markup_escape_text (cells[i] ? cells[i] : "", -1));
      block->widths[i] = widths[i];
    }
  block->header = header;
}

void
nrem_document_add_space (NremDocument *doc,
                         double        points)
{
  add_block (doc, BLOCK_SPACE)->space = points;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *markup,
             const char *font,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
line_bottom (PangoLayout *layout,
             int          line)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;
  double bottom = 0;

  for (int i = 0; ; i++)
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (i == line)
        {
          bottom = (double) y1 / PANGO_SCALE;
          break;
        }
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
  return bottom;
}

static double
line_top (PangoLayout *layout,
          int          line)
{
  return line == 0 ? 0 : line_bottom (layout, line - 1);
}

static void
prepare_block (Block   *block,
               cairo_t *cr,
               double   text_width)
{
  static const char * const heading_fonts[] = { "Sans Bold 16", "Sans Bold 13", "Sans Bold 11" };

  g_clear_object (&block->layout);
  g_clear_object (&block->label_layout);
  g_clear_pointer (&block->cell_layouts, g_ptr_array_unref);

  switch (block->kind)
    {
    case BLOCK_HEADING:
      block->layout = make_layout (cr, block->markup, heading_fonts[block->level - 1], text_width);
      block->height = layout_height (block->layout);
      break;

    case BLOCK_PARAGRAPH:
      {
        double left;

        block->label_width = 0;
        if (block->label != NULL)
          {
            int w, h;

            block->label_layout = make_layout (cr, block->label, BODY_FONT, -1);
            pango_layout_get_pixel_size (block->label_layout, &w, &h);
            block->label_width = MAX (LABEL_WIDTH, w + 8);
          }
        left = block->indent + block->label_width;
        block->layout = make_layout (cr, block->markup, BODY_FONT, text_width - left);
        pango_layout_set_spacing (block->layout, 2 * PANGO_SCALE);
        block->height = layout_height (block->layout);
      }
      break;

    case BLOCK_ROW:
      block->cell_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      block->height = 0;
      for (guint i = 0; i < block->cells->len; i++)
        {
          PangoLayout *layout = make_layout (cr, g_ptr_array_index (block->cells, i),
                                             block->header ? "Sans Bold 9" : "Sans 9",
                                             text_width * block->widths[i] - CELL_GAP);

          g_ptr_array_add (block->cell_layouts, layout);
          block->height = MAX (block->height, layout_height (layout));
        }
      block->height += 4;
      break;

    case BLOCK_SPACE:
    default:
      block->height = block->space;
      break;
    }
}

static double
space_before (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING: return block->level == 1 ? 6 : 14;
    case BLOCK_PARAGRAPH: return 6;
    case BLOCK_ROW:
    case BLOCK_SPACE:
    default:
      return 0;
    }
}

static void
new_page (NremDocument *doc,
          double       *y,
          double        top)
{
  guint start = doc->pieces->len;

  g_array_append_val (doc->page_starts, start);
  *y = top;
}

/**
 * nrem_document_paginate:
 * @cr: a cairo context of the target (a PDF surface, a print context)
 *
 * Lays the document out on pages of the given size, in points.
 *
 * Returns: the number of pages
 */
guint
nrem_document_paginate (NremDocument *doc,
                        cairo_t      *cr,
                        double        page_width,
                        double        page_height)
{
  double text_width = page_width - 2 * MARGIN;
  double top = MARGIN + HEADER_SPACE;
  double bottom = page_height - MARGIN;
  double y;

  doc->page_width = page_width;
  doc->page_height = page_height;
  g_array_set_size (doc->pieces, 0);
  g_array_set_size (doc->page_starts, 0);
  new_page (doc, &y, top);

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (doc->blocks, b);
      double before = y > top ? space_before (block) : 0;

      prepare_block (block, cr, text_width);

      if (block->kind == BLOCK_PARAGRAPH)
        {
          int n_lines = pango_layout_get_line_count (block->layout);
          int line = 0;

          y += before;
          while (line < n_lines)
            {
              int fit = 0;
              double base = line_top (block->layout, line);

              while (line + fit < n_lines &&
                     y + line_bottom (block->layout, line + fit) - base <= bottom)
                fit++;
              /* no widow of a single first line at the foot of a page */
              if (fit == 0 || (line == 0 && fit == 1 && n_lines > 1))
                {
                  if (y > top)
                    {
                      new_page (doc, &y, top);
                      continue;
                    }
                  fit = MAX (fit, 1);
                }
              {
                Piece piece = { b, line, fit, y };

                g_array_append_val (doc->pieces, piece);
              }
              y += line_bottom (block->layout, line + fit - 1) - base;
              line += fit;
              if (line < n_lines)
                new_page (doc, &y, top);
            }
          continue;
        }

      /* a heading keeps with the start of what follows it */
      {
        double needed = block->height + (block->kind == BLOCK_HEADING ? 48 : 0);

        if (y + before + needed > bottom && y > top)
          {
            new_page (doc, &y, top);
            before = 0;
          }
      }
      y += before;
      {
        Piece piece = { b, 0, 0, y };

        g_array_append_val (doc->pieces, piece);
      }
      y += block->height;
      if (block->kind == BLOCK_HEADING)
        y += 4;
    }

  return doc->page_starts->len;
}

static void
draw_layout_lines (cairo_t     *cr,
                   PangoLayout *layout,
                   double       x,
                   double       y,
                   int          first,
                   int          n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double base = line_top (layout, first);

  for (int i = 0; ; i++)
    {
      if (i >= first && i < first + n)
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          int baseline = pango_layout_iter_get_baseline (iter);
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) baseline / PANGO_SCALE - base);
          pango_cairo_show_layout_line (cr, line);
        }
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
}

void
nrem_document_render_page (NremDocument *doc,
                           cairo_t      *cr,
                           guint         page)
{
  guint first, last;
  double text_width = doc->page_width - 2 * MARGIN;

  g_return_if_fail (page < doc->page_starts->len);

  first = g_array_index (doc->page_starts, guint, page);
  last = page + 1 < doc->page_starts->len ? g_array_index (doc->page_starts, guint, page + 1)
                                          : doc->pieces->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (doc->pieces, Piece, i);
      Block *block = g_ptr_array_index (doc->blocks, piece->block);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          cairo_move_to (cr, MARGIN, piece->y);
          pango_cairo_show_layout (cr, block->layout);
          break;

        case BLOCK_PARAGRAPH:
          {
            double left = MARGIN + block->indent;

            if (block->label_layout != NULL && piece->first_line == 0)
              {
                cairo_move_to (cr, left, piece->y);
                pango_cairo_show_layout (cr, block->label_layout);
              }
            left += block->label_width;
            draw_layout_lines (cr, block->layout, left, piece->y, piece->first_line, piece->n_lines);
          }
          break;

        case BLOCK_ROW:
          {
            double x = MARGIN;

            for (guint c = 0; c < block->cell_layouts->len; c++)
              {
                cairo_move_to (cr, x, piece->y + 2);
                pango_cairo_show_layout (cr, g_ptr_array_index (block->cell_layouts, c));
                x += text_width * block->widths[c];
              }
            cairo_set_line_width (cr, block->header ? 0.8 : 0.3);
            cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
            cairo_move_to (cr, MARGIN, piece->y + block->height);
            cairo_line_to (cr, MARGIN + text_width, piece->y + block->height);
            cairo_stroke (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
          break;

        case BLOCK_SPACE:
        default:
          break;
        }
    }

  /* running head and page number */
  {
    g_autofree char *title = g_markup_escape_text (doc->title ? doc->title : "", -1);
    g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, doc->page_starts->len);
    g_autoptr(PangoLayout) head = make_layout (cr, title, "Sans 8", text_width);
    g_autoptr(PangoLayout) foot = make_layout (cr, number, "Sans 8", text_width);

    cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
    if (page > 0)
      {
        pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
        cairo_move_to (cr, MARGIN, MARGIN - 14);
        pango_cairo_show_layout (cr, head);
      }
    pango_layout_set_alignment (foot, PANGO_ALIGN_CENTER);
    cairo_move_to (cr, MARGIN, doc->page_height - MARGIN + 16);
    pango_cairo_show_layout (cr, foot);
  }
  cairo_restore (cr);
}

/**
 * nrem_document_write_pdf:
 *
 * Writes the document as an A4 PDF. Needs no display.
 */
gboolean
nrem_document_write_pdf (NremDocument  *doc,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint pages;

  surface = cairo_pdf_surface_create (tmp, NREM_A4_WIDTH_PT, NREM_A4_HEIGHT_PT);
  if (doc->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "NREM Desk");
  cr = cairo_create (surface);

  pages = nrem_document_paginate (doc, cr, NREM_A4_WIDTH_PT, NREM_A4_HEIGHT_PT);
  for (guint i = 0; i < pages; i++)
    {
      nrem_document_render_page (doc, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp, path) != 0)
    {
      g_unlink (tmp);
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Cannot write the PDF “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                  : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
