/* nrem-meeting-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-meeting-row"

#include "config.h"

#include "meetings/nrem-meeting-row.h"

#include <glib/gi18n.h>

struct _NremMeetingRow
{
  GtkListBoxRow  parent_instance;

  NremSession   *session;
  NremMeeting   *meeting;
  gboolean       selected;

  GtkLabel      *name_label;
  GtkLabel      *title_label;
  GtkLabel      *details_label;
  GtkImage      *check_image;
};

G_DEFINE_FINAL_TYPE (NremMeetingRow, nrem_meeting_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_MEETING,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (NremMeetingRow *self)
{
  NremRecord *record;
  const char *title, *short_title, *city, *country;
  g_autofree char *dates = NULL;
  g_autofree char *country_name = NULL;
  g_autofree char *details = NULL;
  gboolean has_short;

  if (self->meeting == NULL)
    return;

  record = NREM_RECORD (self->meeting);
  title = nrem_record_get_string (record, "title");
  short_title = nrem_record_get_string (record, "short_title");
  city = nrem_record_get_string (record, "city");
  country = nrem_record_get_string (record, "country");
  has_short = short_title != NULL && short_title[0] != '\0';
  dates = nrem_meeting_dup_dates_label (self->meeting);

  if (country != NULL && self->session != NULL)
    country_name = nrem_session_dup_country_name (self->session, country);
  if (city != NULL && country_name != NULL)
    /* translators: dates · city, country */
    details = g_strdup_printf (_("%s · %s, %s"), dates, city, country_name);
  else if (city != NULL || country_name != NULL)
    details = g_strdup_printf (_("%s · %s"), dates, city ? city : country_name);
  else
    details = g_strdup (dates);

  gtk_label_set_label (self->name_label, has_short ? short_title : title ? title : "");
  gtk_label_set_label (self->title_label, has_short && title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), has_short && title != NULL);
  gtk_label_set_label (self->details_label, details);
}

static void
on_meeting_notify_cb (NremMeetingRow *self,
                      GParamSpec     *pspec,
                      NremMeeting    *meeting)
{
  update_labels (self);
}

static void
nrem_meeting_row_dispose (GObject *object)
{
  NremMeetingRow *self = (NremMeetingRow *) object;

  g_clear_object (&self->meeting);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_MEETING_ROW);
  G_OBJECT_CLASS (nrem_meeting_row_parent_class)->dispose (object);
}

static void
nrem_meeting_row_constructed (GObject *object)
{
  NremMeetingRow *self = (NremMeetingRow *) object;

  G_OBJECT_CLASS (nrem_meeting_row_parent_class)->constructed (object);

  if (self->meeting != NULL)
    g_signal_connect_object (self->meeting, "notify", G_CALLBACK (on_meeting_notify_cb), self,
                             G_CONNECT_SWAPPED);
  update_labels (self);
}

static void
nrem_meeting_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NremMeetingRow *self = NREM_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_meeting_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NremMeetingRow *self = NREM_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    case PROP_SELECTED:
      nrem_meeting_row_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_meeting_row_class_init (NremMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_meeting_row_dispose;
  object_class->constructed = nrem_meeting_row_constructed;
  object_class->get_property = nrem_meeting_row_get_property;
  object_class->set_property = nrem_meeting_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, NREM_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NremMeetingRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, NremMeetingRow, check_image);
}

static void
nrem_meeting_row_init (NremMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                               -1);
}

GtkWidget *
nrem_meeting_row_new (NremSession *session,
                      NremMeeting *meeting)
{
  return g_object_new (NREM_TYPE_MEETING_ROW,
                       "session", session,
                       "meeting", meeting,
                       NULL);
}

NremMeeting *
nrem_meeting_row_get_meeting (NremMeetingRow *self)
{
  g_return_val_if_fail (NREM_IS_MEETING_ROW (self), NULL);
  return self->meeting;
}

gboolean
nrem_meeting_row_get_selected (NremMeetingRow *self)
{
  g_return_val_if_fail (NREM_IS_MEETING_ROW (self), FALSE);
  return self->selected;
}

void
nrem_meeting_row_set_selected (NremMeetingRow *self,
                               gboolean        selected)
{
  g_return_if_fail (NREM_IS_MEETING_ROW (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  gtk_widget_set_opacity (GTK_WIDGET (self->check_image), selected ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
