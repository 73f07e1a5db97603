/* nrem-comparison-view.h
 *
 * The chart that compares the kinds of mechanism (nrem-comparison-chart.h draws it), with the
 * numbers as text beside it, one label per dimension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-matrix.h"

G_BEGIN_DECLS

#define NREM_TYPE_COMPARISON_VIEW (nrem_comparison_view_get_type ())

G_DECLARE_FINAL_TYPE (NremComparisonView, nrem_comparison_view, NREM, COMPARISON_VIEW, GtkWidget)

GtkWidget *nrem_comparison_view_new        (void);
void       nrem_comparison_view_set_matrix (NremComparisonView *self,
                                            NremMatrix         *matrix);
GtkWidget *nrem_comparison_view_get_chart  (NremComparisonView *self);
guint      nrem_comparison_view_get_n_numbers (NremComparisonView *self);

G_END_DECLS
