/* nrem-comparison-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-comparison-chart"

#include "config.h"

#include "nrem-comparison-chart.h"
#include "nrem-entity.h"
#include "nrem-error.h"

#include <cairo-svg.h>
#include <string.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

/* national rapporteurs first, then coordinating mechanisms */
const char * const nrem_chart_types[NREM_CHART_N_TYPES + 1] = {
  "independent-rapporteur", "nhri-ombuds", "government-rapporteur",
  "national-coordinator", "inter-agency-body", NULL
};

#define N_RAPPORTEUR_TYPES 3

static const char *
short_type_label (guint t)
{
  switch (t)
    {
    case 0: return _("Independent rapporteur");
    case 1: return _("NHRI or ombuds");
    case 2: return _("Government rapporteur");
    case 3: return _("National coordinator");
    case 4: return _("Inter-agency body");
    default: return "";
    }
}

/* ------------------------------------------------------------------------------------------
 * Palette: the GNOME palette; "strong" for the chart's bars, light tints for matrix cells.
 */

static void
set_rgba (double rgba[4],
          guint  hex,
          double alpha)
{
  rgba[0] = ((hex >> 16) & 0xff) / 255.0;
  rgba[1] = ((hex >> 8) & 0xff) / 255.0;
  rgba[2] = (hex & 0xff) / 255.0;
  rgba[3] = alpha;
}

void
nrem_level_color (NremLevel  level,
                  gboolean   dark,
                  gboolean   strong,
                  double     rgba[4])
{
  switch (level)
    {
    case NREM_LEVEL_YES:
      set_rgba (rgba, strong ? 0x26a269 : dark ? 0x1f7a4f : 0xa8ecb8, 1.0);
      break;
    case NREM_LEVEL_PARTIAL:
      set_rgba (rgba, strong ? 0xe5a50a : dark ? 0x8a6d10 : 0xf9ec8a, 1.0);
      break;
    case NREM_LEVEL_NO:
      set_rgba (rgba, strong ? 0xc01c28 : dark ? 0x8e2a2f : 0xf7bcb6, 1.0);
      break;
    case NREM_LEVEL_UNKNOWN:
      set_rgba (rgba, strong ? 0x9a9996 : dark ? 0x4a4a50 : 0xdeddda, 1.0);
      break;
    case NREM_LEVEL_NEUTRAL:
      set_rgba (rgba, strong ? 0x3584e4 : dark ? 0x264a73 : 0xd3e4f8, 1.0);
      break;
    case NREM_LEVEL_EMPTY:
    case NREM_N_LEVELS:
    default:
      set_rgba (rgba, dark ? 0x77767b : 0xc0bfbc, 1.0);
      break;
    }
}

/* Fills a rectangle the way a level is shown: a colour, and for partial and unknown a
 * pattern on top, so that the level never rests on colour alone; not assessed is an outline. */
void
nrem_level_pattern (cairo_t   *cr,
                    NremLevel  level,
                    double     x,
                    double     y,
                    double     width,
                    double     height,
                    gboolean   strong_dark)
{
  double rgba[4];

  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  nrem_level_color (level, strong_dark, TRUE, rgba);
  if (level == NREM_LEVEL_EMPTY)
    {
      static const double dash[] = { 3, 2 };

      cairo_rectangle (cr, x + 0.5, y + 0.5, width - 1, height - 1);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  if (level == NREM_LEVEL_PARTIAL || level == NREM_LEVEL_UNKNOWN)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.45);
      cairo_set_line_width (cr, 1.5);
      for (double d = -height; d < width + height; d += 6)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
          if (level == NREM_LEVEL_UNKNOWN)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + height, y + height);
            }
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
nrem_chart_style_init_light (NremChartStyle *style)
{
  memset (style, 0, sizeof *style);
  set_rgba (style->fg, 0x241f31, 1.0);
  set_rgba (style->dim, 0x5e5c64, 1.0);
  set_rgba (style->bg, 0xffffff, 1.0);
  style->dark = FALSE;
  style->font = NULL;
  style->title = TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Layout and drawing, one pass: with @draw FALSE it only measures.
 */

#define PAD 12.0
#define BAR_H 18.0
#define COL_GAP 8.0
#define FAMILY_GAP 24.0
#define WIDE_MIN 640.0

typedef struct
{
  cairo_t              *cr;
  const NremChartStyle *style;
  gboolean              draw;
  double                width;
} Ctx;

static PangoLayout *
make_layout (Ctx        *ctx,
             const char *text,
             double      width,
             double      scale,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  PangoFontDescription *desc =
    pango_font_description_from_string (ctx->style->font != NULL ? ctx->style->font : "Sans 10");
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (desc, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_at (Ctx          *ctx,
         const char   *text,
         double        x,
         double        y,
         double        width,
         double        scale,
         gboolean      bold,
         const double  color[4])
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, width, scale, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (ctx->draw)
    {
      cairo_move_to (ctx->cr, x, y);
      cairo_set_source_rgba (ctx->cr, color[0], color[1], color[2], color[3]);
      pango_cairo_show_layout (ctx->cr, layout);
    }
  return h;
}

static void
segment_text_color (NremLevel level,
                    double    rgba[4])
{
  if (level == NREM_LEVEL_PARTIAL || level == NREM_LEVEL_UNKNOWN)
    set_rgba (rgba, 0x000000, 0.85);
  else
    set_rgba (rgba, 0xffffff, 1.0);
}

static void
draw_bar (Ctx             *ctx,
          const NremShare *share,
          double           x,
          double           y,
          double           width)
{
  static const NremLevel order[NREM_N_SHARE_BUCKETS] = {
    NREM_LEVEL_YES, NREM_LEVEL_PARTIAL, NREM_LEVEL_NO, NREM_LEVEL_UNKNOWN, NREM_LEVEL_EMPTY
  };
  double cx = x;

  if (!ctx->draw)
    return;
  if (share->total == 0)
    {
      text_at (ctx, _("none"), x, y + 1, 0, 0.8, FALSE, ctx->style->dim);
      return;
    }
  for (guint b = 0; b < NREM_N_SHARE_BUCKETS; b++)
    {
      double w = width * share->counts[b] / share->total;

      if (share->counts[b] == 0)
        continue;
      nrem_level_pattern (ctx->cr, order[b], cx, y, w, BAR_H, ctx->style->dark);
      if (w >= 30 && order[b] != NREM_LEVEL_EMPTY)
        {
          g_autofree char *pct = g_strdup_printf ("%u%%", (guint) (100.0 * share->counts[b] / share->total + 0.5));
          g_autoptr(PangoLayout) layout = make_layout (ctx, pct, 0, 0.75, TRUE);
          double color[4];
          int tw, th;

          pango_layout_get_pixel_size (layout, &tw, &th);
          if (tw + 4 <= w)
            {
              segment_text_color (order[b], color);
              cairo_move_to (ctx->cr, cx + (w - tw) / 2, y + (BAR_H - th) / 2);
              cairo_set_source_rgba (ctx->cr, color[0], color[1], color[2], color[3]);
              pango_cairo_show_layout (ctx->cr, layout);
            }
        }
      cx += w;
    }
}

static double
draw_legend (Ctx    *ctx,
             double  y)
{
  static const NremLevel order[NREM_N_SHARE_BUCKETS] = {
    NREM_LEVEL_YES, NREM_LEVEL_PARTIAL, NREM_LEVEL_NO, NREM_LEVEL_UNKNOWN, NREM_LEVEL_EMPTY
  };
  double x = PAD, line_h = 20;

  for (guint b = 0; b < NREM_N_SHARE_BUCKETS; b++)
    {
      const char *label = nrem_matrix_level_label (order[b]);
      g_autoptr(PangoLayout) layout = make_layout (ctx, label, 0, 0.9, FALSE);
      int tw, th;
      double item_w;

      pango_layout_get_pixel_size (layout, &tw, &th);
      item_w = 14 + 6 + tw + 18;
      if (x > PAD && x + item_w > ctx->width - PAD)
        {
          x = PAD;
          y += line_h;
        }
      if (ctx->draw)
        {
          nrem_level_pattern (ctx->cr, order[b], x, y + 3, 14, 14, ctx->style->dark);
          cairo_move_to (ctx->cr, x + 20, y + (line_h - th) / 2);
          cairo_set_source_rgba (ctx->cr, ctx->style->fg[0], ctx->style->fg[1], ctx->style->fg[2],
                                 ctx->style->fg[3]);
          pango_cairo_show_layout (ctx->cr, layout);
        }
      x += item_w;
    }
  return y + line_h;
}

static void
rule (Ctx    *ctx,
      double  x0,
      double  x1,
      double  y)
{
  if (!ctx->draw)
    return;
  cairo_save (ctx->cr);
  cairo_set_source_rgba (ctx->cr, ctx->style->dim[0], ctx->style->dim[1], ctx->style->dim[2], 0.35);
  cairo_set_line_width (ctx->cr, 1);
  cairo_move_to (ctx->cr, x0, y + 0.5);
  cairo_line_to (ctx->cr, x1, y + 0.5);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
}

static double
layout_chart (NremMatrix           *matrix,
              cairo_t              *cr,
              double                width,
              const NremChartStyle *style,
              gboolean              draw)
{
  Ctx ctx = { cr, style, draw, width };
  gboolean wide = width >= WIDE_MIN;
  double y = PAD;
  guint counts[NREM_CHART_N_TYPES] = { 0 };
  double label_w = wide ? CLAMP (width * 0.28, 150, 280) : width - 2 * PAD;
  double area_x = PAD + label_w + 8;
  double col_w = wide ? (width - PAD - area_x - 3 * COL_GAP - FAMILY_GAP) / NREM_CHART_N_TYPES : 0;
  double col_x[NREM_CHART_N_TYPES];
  int last_group = -1;
  g_autoptr(GString) skipped = g_string_new (NULL);

  for (guint m = 0; m < nrem_matrix_get_n_mechanisms (matrix); m++)
    {
      const NremMatrixMechanism *mech = nrem_matrix_get_mechanism (matrix, m);

      for (guint t = 0; t < NREM_CHART_N_TYPES; t++)
        if (!mech->reference && g_strcmp0 (mech->type, nrem_chart_types[t]) == 0)
          counts[t]++;
    }

  for (guint t = 0; t < NREM_CHART_N_TYPES; t++)
    col_x[t] = area_x + t * (col_w + COL_GAP) + (t >= N_RAPPORTEUR_TYPES ? FAMILY_GAP : 0);

  if (draw && style->bg[3] > 0)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, style->bg[0], style->bg[1], style->bg[2], style->bg[3]);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  if (style->title)
    {
      y += text_at (&ctx, _("National rapporteurs and coordinating mechanisms compared"),
                    PAD, y, width - 2 * PAD, 1.35, TRUE, style->fg);
      y += 2;
      y += text_at (&ctx, _("Share of the mechanisms of each type that have the function of each mandate dimension"),
                    PAD, y, width - 2 * PAD, 0.95, FALSE, style->dim);
      y += 8;
    }
  y = draw_legend (&ctx, y) + 10;

  if (wide)
    {
      double head_h = 0, fam_h;
      double rap_x1 = col_x[N_RAPPORTEUR_TYPES - 1] + col_w;
      double coo_x0 = col_x[N_RAPPORTEUR_TYPES];

      /* family shading behind the columns of each kind */
      fam_h = text_at (&ctx, _("National rapporteurs"), col_x[0], y, rap_x1 - col_x[0], 1.0, TRUE, style->fg);
      fam_h = MAX (fam_h, text_at (&ctx, _("Coordinating mechanisms"), coo_x0, y,
                                   width - PAD - coo_x0, 1.0, TRUE, style->fg));
      y += fam_h + 2;
      rule (&ctx, col_x[0], rap_x1, y);
      rule (&ctx, coo_x0, width - PAD, y);
      y += 4;
      for (guint t = 0; t < NREM_CHART_N_TYPES; t++)
        {
          g_autofree char *label = g_strdup_printf ("%s (%u)", short_type_label (t), counts[t]);

          head_h = MAX (head_h, text_at (&ctx, label, col_x[t], y, col_w, 0.85, FALSE, style->dim));
        }
      y += head_h + 6;
    }

  for (guint d = 0; d < nrem_matrix_get_n_dimensions (matrix); d++)
    {
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (matrix, d);
      NremShare shares[NREM_CHART_N_TYPES];

      if (!nrem_matrix_dimension_is_comparable (dim))
        {
          if (skipped->len > 0)
            g_string_append (skipped, ", ");
          g_string_append (skipped, dim->label);
          continue;
        }
      for (guint t = 0; t < NREM_CHART_N_TYPES; t++)
        nrem_matrix_compute_share (matrix, d, nrem_chart_types[t], &shares[t]);

      if (dim->group != last_group)
        {
          y += last_group >= 0 ? 10 : 0;
          y += text_at (&ctx, nrem_matrix_group_label (dim->group), PAD, y, width - 2 * PAD,
                        1.0, TRUE, style->fg);
          y += 2;
          rule (&ctx, PAD, width - PAD, y);
          y += 4;
          last_group = dim->group;
        }

      if (wide)
        {
          g_autoptr(PangoLayout) layout = make_layout (&ctx, dim->label, label_w, 0.95, FALSE);
          int lw, lh;
          double row_h;

          pango_layout_get_pixel_size (layout, &lw, &lh);
          row_h = MAX (BAR_H + 10, lh + 8);
          text_at (&ctx, dim->label, PAD, y + (row_h - lh) / 2, label_w, 0.95, FALSE, style->fg);
          for (guint t = 0; t < NREM_CHART_N_TYPES; t++)
            draw_bar (&ctx, &shares[t], col_x[t], y + (row_h - BAR_H) / 2, col_w);
          y += row_h;
        }
      else
        {
          double type_w = MIN (170, (width - 2 * PAD) * 0.42);

          y += 4;
          y += text_at (&ctx, dim->label, PAD, y, width - 2 * PAD, 0.95, TRUE, style->fg) + 4;
          for (guint t = 0; t < NREM_CHART_N_TYPES; t++)
            {
              g_autofree char *label = g_strdup_printf ("%s (%u)", short_type_label (t), counts[t]);
              g_autoptr(PangoLayout) layout = make_layout (&ctx, label, type_w - 6, 0.8, FALSE);
              int lw, lh;
              double row_h;

              pango_layout_get_pixel_size (layout, &lw, &lh);
              row_h = MAX (BAR_H + 4, lh + 2);
              if (t == N_RAPPORTEUR_TYPES)
                y += 6;
              text_at (&ctx, label, PAD, y + (row_h - lh) / 2, type_w - 6, 0.8, FALSE, style->dim);
              draw_bar (&ctx, &shares[t], PAD + type_w, y + (row_h - BAR_H) / 2,
                        width - 2 * PAD - type_w);
              y += row_h + 2;
            }
        }
    }

  if (skipped->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Not counted, described in text: %s."), skipped->str);

      y += 12;
      y += text_at (&ctx, text, PAD, y, width - 2 * PAD, 0.85, FALSE, style->dim);
    }
  return y + PAD;
}

static cairo_t *
measuring_context (cairo_surface_t **surface)
{
  *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  return cairo_create (*surface);
}

/**
 * nrem_comparison_chart_measure:
 *
 * Returns: the height the chart takes at @width
 */
double
nrem_comparison_chart_measure (NremMatrix           *matrix,
                               double                width,
                               const NremChartStyle *style)
{
  cairo_surface_t *surface;
  cairo_t *cr = measuring_context (&surface);
  double height = layout_chart (matrix, cr, width, style, FALSE);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
nrem_comparison_chart_draw (NremMatrix           *matrix,
                            cairo_t              *cr,
                            double                width,
                            const NremChartStyle *style)
{
  cairo_save (cr);
  layout_chart (matrix, cr, width, style, TRUE);
  cairo_restore (cr);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * nrem_comparison_chart_write_png:
 *
 * Writes the chart at @width (in points; the image has twice as many pixels) on white.
 */
gboolean
nrem_comparison_chart_write_png (NremMatrix  *matrix,
                                 const char  *path,
                                 double       width,
                                 GError     **error)
{
  NremChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  cairo_status_t status;

  nrem_chart_style_init_light (&style);
  height = nrem_comparison_chart_measure (matrix, width, &style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * 2), (int) (height * 2));
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, 2, 2);
  nrem_comparison_chart_draw (matrix, cr, width, &style);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * nrem_comparison_chart_write_svg:
 *
 * Writes the chart at @width points as SVG.
 */
gboolean
nrem_comparison_chart_write_svg (NremMatrix  *matrix,
                                 const char  *path,
                                 double       width,
                                 GError     **error)
{
  NremChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  gboolean ok;

  nrem_chart_style_init_light (&style);
  height = nrem_comparison_chart_measure (matrix, width, &style);
  surface = cairo_svg_surface_create (path, width, height);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  nrem_comparison_chart_draw (matrix, cr, width, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
