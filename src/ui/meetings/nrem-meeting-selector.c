/* nrem-meeting-selector.c
 *
 * Model: NremSession:meetings (a GListStore of NremMeeting, newest first) bound to a
 * GtkListBox of NremMeetingRow; the list is short, one row per consultation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-meeting-selector"

#include "config.h"

#include "meetings/nrem-meeting-selector.h"
#include "meetings/nrem-meeting-row.h"

#include <glib/gi18n.h>

struct _NremMeetingSelector
{
  GtkWidget      parent_instance;

  NremSession   *session;
  NremMeeting   *meeting;

  GtkMenuButton *menu_button;
  GtkPopover    *popover;
  GtkListBox    *list_box;
  GtkLabel      *name_label;
  GtkLabel      *dates_label;
};

G_DEFINE_FINAL_TYPE (NremMeetingSelector, nrem_meeting_selector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  NremMeetingSelector *self = user_data;
  GtkWidget *row = nrem_meeting_row_new (self->session, NREM_MEETING (item));

  nrem_meeting_row_set_selected (NREM_MEETING_ROW (row), item == (gpointer) self->meeting);
  return row;
}

static void
update_rows (NremMeetingSelector *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (NREM_IS_MEETING_ROW (child))
      nrem_meeting_row_set_selected (NREM_MEETING_ROW (child),
                                     nrem_meeting_row_get_meeting (NREM_MEETING_ROW (child)) == self->meeting);
}

static void
update_button (NremMeetingSelector *self)
{
  g_autofree char *dates = NULL;
  g_autofree char *accessible = NULL;
  const char *name = NULL;

  if (self->meeting != NULL)
    {
      name = nrem_record_get_string (NREM_RECORD (self->meeting), "short_title");
      if (name == NULL || name[0] == '\0')
        name = nrem_record_get_string (NREM_RECORD (self->meeting), "title");
      dates = nrem_meeting_dup_dates_label (self->meeting);
    }

  gtk_label_set_label (self->name_label, name ? name : _("No Meeting"));
  gtk_label_set_label (self->dates_label, dates ? dates : "");
  gtk_widget_set_visible (GTK_WIDGET (self->dates_label), dates != NULL && dates[0] != '\0');

  /* translators: the meeting selector, read by screen readers: "Meeting: Bangkok 2014, 21–22 May 2014" */
  accessible = g_strdup_printf (_("Meeting: %s, %s"), name ? name : _("none"), dates ? dates : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_meeting_notify_cb (NremMeetingSelector *self,
                      GParamSpec          *pspec,
                      NremMeeting         *meeting)
{
  update_button (self);
}

static void
set_meeting (NremMeetingSelector *self,
             NremMeeting         *meeting)
{
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, on_meeting_notify_cb, self);
  g_set_object (&self->meeting, meeting);
  if (meeting != NULL)
    g_signal_connect_object (meeting, "notify", G_CALLBACK (on_meeting_notify_cb), self,
                             G_CONNECT_SWAPPED);
  update_button (self);
  update_rows (self);
}

static void
on_session_meeting_cb (NremMeetingSelector *self,
                       GParamSpec          *pspec,
                       NremSession         *session)
{
  set_meeting (self, nrem_session_get_meeting (session));
}

static void
on_row_activated_cb (NremMeetingSelector *self,
                     GtkListBoxRow       *row,
                     GtkListBox          *list_box)
{
  if (self->session == NULL || !NREM_IS_MEETING_ROW (row))
    return;
  gtk_popover_popdown (self->popover);
  nrem_session_set_meeting (self->session, nrem_meeting_row_get_meeting (NREM_MEETING_ROW (row)));
}

static void
on_new_clicked_cb (NremMeetingSelector *self,
                   GtkButton           *button)
{
  /* the button's action creates the meeting; the list need not stay open over it */
  gtk_popover_popdown (self->popover);
}

static void
on_popover_map_cb (NremMeetingSelector *self,
                   GtkWidget           *popover)
{
  /* open on the meeting shown, so that arrows move from there */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (NREM_IS_MEETING_ROW (child) && nrem_meeting_row_get_selected (NREM_MEETING_ROW (child)))
      {
        gtk_widget_grab_focus (child);
        break;
      }
}

static void
nrem_meeting_selector_dispose (GObject *object)
{
  NremMeetingSelector *self = (NremMeetingSelector *) object;

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_func (self->meeting, on_meeting_notify_cb, self);
  g_clear_object (&self->meeting);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_MEETING_SELECTOR);
  G_OBJECT_CLASS (nrem_meeting_selector_parent_class)->dispose (object);
}

static void
nrem_meeting_selector_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NremMeetingSelector *self = NREM_MEETING_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_meeting_selector_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NremMeetingSelector *self = NREM_MEETING_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_meeting_selector_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_meeting_selector_class_init (NremMeetingSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_meeting_selector_dispose;
  object_class->get_property = nrem_meeting_selector_get_property;
  object_class->set_property = nrem_meeting_selector_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-meeting-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, NremMeetingSelector, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingSelector, popover);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingSelector, list_box);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingSelector, name_label);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingSelector, dates_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_map_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingselector");
}

static void
nrem_meeting_selector_init (NremMeetingSelector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_button (self);
}

GtkWidget *
nrem_meeting_selector_new (void)
{
  return g_object_new (NREM_TYPE_MEETING_SELECTOR, NULL);
}

NremSession *
nrem_meeting_selector_get_session (NremMeetingSelector *self)
{
  g_return_val_if_fail (NREM_IS_MEETING_SELECTOR (self), NULL);
  return self->session;
}

void
nrem_meeting_selector_set_session (NremMeetingSelector *self,
                                   NremSession         *session)
{
  g_return_if_fail (NREM_IS_MEETING_SELECTOR (self));
  g_return_if_fail (session == NULL || NREM_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::meeting", G_CALLBACK (on_session_meeting_cb),
                               self, G_CONNECT_SWAPPED);
      set_meeting (self, nrem_session_get_meeting (session));
      gtk_list_box_bind_model (self->list_box, nrem_session_get_meetings (session),
                               create_row_cb, self, NULL);
    }
  else
    {
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      set_meeting (self, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
nrem_meeting_selector_popup (NremMeetingSelector *self)
{
  g_return_if_fail (NREM_IS_MEETING_SELECTOR (self));
  gtk_menu_button_popup (self->menu_button);
}

void
nrem_meeting_selector_popdown (NremMeetingSelector *self)
{
  g_return_if_fail (NREM_IS_MEETING_SELECTOR (self));
  gtk_menu_button_popdown (self->menu_button);
}

const char *
nrem_meeting_selector_get_label (NremMeetingSelector *self)
{
  g_return_val_if_fail (NREM_IS_MEETING_SELECTOR (self), NULL);
  return gtk_label_get_label (self->name_label);
}

GtkListBox *
nrem_meeting_selector_get_list (NremMeetingSelector *self)
{
  g_return_val_if_fail (NREM_IS_MEETING_SELECTOR (self), NULL);
  return self->list_box;
}
