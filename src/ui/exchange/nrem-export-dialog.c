/* nrem-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-export-dialog"

#include "config.h"

#include "exchange/nrem-export-dialog.h"

#include <glib/gi18n.h>

struct _NremExportDialog
{
  AdwMessageDialog  parent_instance;

  NremMeeting      *meeting;

  AdwActionRow     *meeting_row;
  GtkCheckButton   *meeting_check;
  GtkCheckButton   *whole_check;
  GtkSwitch        *contacts_switch;
};

G_DEFINE_FINAL_TYPE (NremExportDialog, nrem_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_meeting_row (NremExportDialog *self)
{
  const char *name = NULL;

  if (self->meeting != NULL)
    {
      name = nrem_record_get_string (NREM_RECORD (self->meeting), "short_title");
      if (name == NULL || name[0] == '\0')
        name = nrem_record_get_string (NREM_RECORD (self->meeting), "title");
    }

  if (name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* translators: the people and mechanisms it references come along */
      g_autofree char *subtitle = g_strdup_printf (_("%s, with the people and mechanisms it involves"),
                                                   escaped);

      adw_action_row_set_subtitle (self->meeting_row, subtitle);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_row), self->meeting != NULL);
  gtk_check_button_set_active (self->meeting ? self->meeting_check : self->whole_check, TRUE);
}

static void
nrem_export_dialog_dispose (GObject *object)
{
  NremExportDialog *self = (NremExportDialog *) object;

  g_clear_object (&self->meeting);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (nrem_export_dialog_parent_class)->dispose (object);
}

static void
nrem_export_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (nrem_export_dialog_parent_class)->constructed (object);
  update_meeting_row (NREM_EXPORT_DIALOG (object));
}

static void
nrem_export_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NremExportDialog *self = NREM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_export_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NremExportDialog *self = NREM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_export_dialog_class_init (NremExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_export_dialog_dispose;
  object_class->constructed = nrem_export_dialog_constructed;
  object_class->get_property = nrem_export_dialog_get_property;
  object_class->set_property = nrem_export_dialog_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, NREM_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NremExportDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, NremExportDialog, meeting_check);
  gtk_widget_class_bind_template_child (widget_class, NremExportDialog, whole_check);
  gtk_widget_class_bind_template_child (widget_class, NremExportDialog, contacts_switch);
}

static void
nrem_export_dialog_init (NremExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NremExportDialog *
nrem_export_dialog_new (GtkWindow   *parent,
                        NremMeeting *meeting)
{
  return g_object_new (NREM_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "meeting", meeting,
                       NULL);
}

NremMeeting *
nrem_export_dialog_get_meeting (NremExportDialog *self)
{
  g_return_val_if_fail (NREM_IS_EXPORT_DIALOG (self), NULL);
  return self->meeting;
}

gboolean
nrem_export_dialog_get_whole_database (NremExportDialog *self)
{
  g_return_val_if_fail (NREM_IS_EXPORT_DIALOG (self), TRUE);
  return self->meeting == NULL || gtk_check_button_get_active (self->whole_check);
}

void
nrem_export_dialog_set_whole_database (NremExportDialog *self,
                                       gboolean          whole)
{
  g_return_if_fail (NREM_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (whole || self->meeting == NULL ? self->whole_check
                                                              : self->meeting_check, TRUE);
}

gboolean
nrem_export_dialog_get_with_contacts (NremExportDialog *self)
{
  g_return_val_if_fail (NREM_IS_EXPORT_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->contacts_switch);
}

void
nrem_export_dialog_set_with_contacts (NremExportDialog *self,
                                      gboolean          with_contacts)
{
  g_return_if_fail (NREM_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->contacts_switch, with_contacts);
}
