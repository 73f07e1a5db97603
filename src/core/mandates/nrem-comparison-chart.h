/* nrem-comparison-chart.h
 *
 * The comparison of the kinds of mechanism, drawn with cairo: for each compared dimension,
 * one bar per type of mechanism (the three kinds of national rapporteur beside the two kinds
 * of coordinating mechanism) split into the shares that have the function, partly, not,
 * unknown, and not assessed. The widget draws it; the same code writes PNG and SVG without a
 * display. Also the palette the matrix cells use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "nrem-matrix.h"

G_BEGIN_DECLS

typedef struct
{
  double      fg[4];       /* text */
  double      dim[4];      /* secondary text, rules */
  double      bg[4];       /* background; alpha 0 leaves it transparent */
  gboolean    dark;        /* the palette for a dark background */
  const char *font;        /* a Pango font description, or NULL for "Sans 10" */
  gboolean    title;       /* a title line (for exported files) */
} NremChartStyle;

#define NREM_CHART_N_TYPES 5

extern const char * const nrem_chart_types[NREM_CHART_N_TYPES + 1];

void      nrem_chart_style_init_light   (NremChartStyle *style);
void      nrem_level_color              (NremLevel       level,
                                         gboolean        dark,
                                         gboolean        strong,
                                         double          rgba[4]);
void      nrem_level_pattern            (cairo_t        *cr,
                                         NremLevel       level,
                                         double          x,
                                         double          y,
                                         double          width,
                                         double          height,
                                         gboolean        dark);

double    nrem_comparison_chart_measure (NremMatrix           *matrix,
                                         double                width,
                                         const NremChartStyle *style);
void      nrem_comparison_chart_draw    (NremMatrix           *matrix,
                                         cairo_t              *cr,
                                         double                width,
                                         const NremChartStyle *style);
gboolean  nrem_comparison_chart_write_png (NremMatrix         *matrix,
                                         const char           *path,
                                         double                width,
                                         GError              **error);
gboolean  nrem_comparison_chart_write_svg (NremMatrix         *matrix,
                                         const char           *path,
                                         double                width,
                                         GError              **error);

G_END_DECLS
