/* nrem-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-window.h"

struct _NremWindow
{
  AdwApplicationWindow parent_instance;

  NremSession *session;
};

G_DEFINE_FINAL_TYPE (NremWindow, nrem_window, ADW_TYPE_APPLICATION_WINDOW)

static void
nrem_window_dispose (GObject *object)
{
  NremWindow *self = (NremWindow *) object;

  g_clear_object (&self->session);
  G_OBJECT_CLASS (nrem_window_parent_class)->dispose (object);
}

static void
nrem_window_class_init (NremWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nremdesk/NremDesk/ui/nrem-window.ui");
}

static void
nrem_window_init (NremWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NremWindow *
nrem_window_new (NremApplication *application,
                 NremSession     *session)
{
  NremWindow *self = g_object_new (NREM_TYPE_WINDOW, "application", application, NULL);

  self->session = session ? g_object_ref (session) : NULL;
  return self;
}
