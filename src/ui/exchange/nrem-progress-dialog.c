/* nrem-progress-dialog.c
 *
 * Until the work reports a fraction the bar pulses. While the work cannot be stopped (a merge
 * runs in one transaction), the dialog has no Cancel and Escape does not close it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-progress-dialog"

#include "config.h"

#include "exchange/nrem-progress-dialog.h"

struct _NremProgressDialog
{
  AdwMessageDialog  parent_instance;

  GtkProgressBar   *progress_bar;
  guint             pulse_source;
  gboolean          cancellable;
};

G_DEFINE_FINAL_TYPE (NremProgressDialog, nrem_progress_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
pulse_cb (gpointer user_data)
{
  NremProgressDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static gboolean
nrem_progress_dialog_close_request (GtkWindow *window)
{
  NremProgressDialog *self = NREM_PROGRESS_DIALOG (window);

  if (!self->cancellable)
    return TRUE;
  return GTK_WINDOW_CLASS (nrem_progress_dialog_parent_class)->close_request (window);
}

static void
nrem_progress_dialog_dispose (GObject *object)
{
  NremProgressDialog *self = (NremProgressDialog *) object;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_PROGRESS_DIALOG);
  G_OBJECT_CLASS (nrem_progress_dialog_parent_class)->dispose (object);
}

static void
nrem_progress_dialog_class_init (NremProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nrem_progress_dialog_dispose;
  window_class->close_request = nrem_progress_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NremProgressDialog, progress_bar);
}

static void
nrem_progress_dialog_init (NremProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = TRUE;
  self->pulse_source = g_timeout_add (120, pulse_cb, self);
}

NremProgressDialog *
nrem_progress_dialog_new (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  return g_object_new (NREM_TYPE_PROGRESS_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
}

/**
 * nrem_progress_dialog_set_fraction:
 * @fraction: done so far, from 0 to 1; negative while unknown
 */
void
nrem_progress_dialog_set_fraction (NremProgressDialog *self,
                                   double              fraction)
{
  g_return_if_fail (NREM_IS_PROGRESS_DIALOG (self));

  if (fraction < 0)
    {
      if (self->pulse_source == 0)
        self->pulse_source = g_timeout_add (120, pulse_cb, self);
      return;
    }
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

double
nrem_progress_dialog_get_fraction (NremProgressDialog *self)
{
  g_return_val_if_fail (NREM_IS_PROGRESS_DIALOG (self), 0.0);
  return gtk_progress_bar_get_fraction (self->progress_bar);
}

void
nrem_progress_dialog_set_cancellable (NremProgressDialog *self,
                                      gboolean            cancellable)
{
  g_return_if_fail (NREM_IS_PROGRESS_DIALOG (self));

  self->cancellable = !!cancellable;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "cancel", self->cancellable);
}
