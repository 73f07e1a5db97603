/* nrem-mechanism-picker.c
 *
 * Choosing writes the person's mechanism at once (one transaction); creating writes the new
 * mechanism and the person's link to it together (one transaction). The popover then closes
 * and the store's "changed" brings the detail up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-mechanism-picker.h"
#include "nrem-fold.h"
#include "nrem-participant-item.h"
#include "nrem-participants-models.h"
#include "nrem-store-participants.h"

#include <glib/gi18n.h>

/* ------------------------------------------------------------------------------------------
 * One mechanism to choose
 */

#define NREM_TYPE_MECHANISM_CHOICE (nrem_mechanism_choice_get_type ())
G_DECLARE_FINAL_TYPE (NremMechanismChoice, nrem_mechanism_choice, NREM, MECHANISM_CHOICE, GObject)

struct _NremMechanismChoice
{
  GObject  parent_instance;
  char    *uuid;
  char    *name;
  char    *subtitle;
  char    *key;      /* folded name and country */
};

G_DEFINE_FINAL_TYPE (NremMechanismChoice, nrem_mechanism_choice, G_TYPE_OBJECT)

enum { CHOICE_PROP_0, CHOICE_PROP_NAME, CHOICE_PROP_SUBTITLE, CHOICE_N_PROPS };

static void
nrem_mechanism_choice_finalize (GObject *object)
{
  NremMechanismChoice *self = (NremMechanismChoice *) object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->subtitle);
  g_free (self->key);
  G_OBJECT_CLASS (nrem_mechanism_choice_parent_class)->finalize (object);
}

static void
nrem_mechanism_choice_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NremMechanismChoice *self = (NremMechanismChoice *) object;

  switch (prop_id)
    {
    case CHOICE_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case CHOICE_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_mechanism_choice_class_init (NremMechanismChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nrem_mechanism_choice_finalize;
  object_class->get_property = nrem_mechanism_choice_get_property;
  g_object_class_install_property (object_class, CHOICE_PROP_NAME,
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, CHOICE_PROP_SUBTITLE,
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
nrem_mechanism_choice_init (NremMechanismChoice *self)
{
}

/* ------------------------------------------------------------------------------------------
 * The picker
 */

struct _NremMechanismPicker
{
  GtkPopover          parent_instance;

  NremStore          *store;
  char               *participant;
  char               *country;
  GListStore         *choices;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char              **words;
  GListModel         *countries;
  GtkStringList      *types;

  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkButton          *new_button;
  GtkEntry           *name_entry;
  GtkDropDown        *country_dropdown;
  GtkDropDown        *type_dropdown;
  GtkLabel           *error_label;
  GtkButton          *back_button;
  GtkButton          *create_button;
};

G_DEFINE_FINAL_TYPE (NremMechanismPicker, nrem_mechanism_picker, GTK_TYPE_POPOVER)

static void
show_error (NremMechanismPicker *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
match_choice (gpointer item,
              gpointer user_data)
{
  NremMechanismPicker *self = user_data;

  return nrem_fold_match_words (((NremMechanismChoice *) item)->key,
                                (const char * const *) self->words);
}

static void
update_empty (NremMechanismPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list_view)), !empty);
}

static void
on_search_changed_cb (NremMechanismPicker *self)
{
  g_strfreev (self->words);
  self->words = nrem_fold_words (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
toast (NremMechanismPicker *self,
       const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static gboolean
set_mechanism (NremMechanismPicker *self,
               const char          *uuid)
{
  const char *fields[] = { "mechanism", NULL };
  const char *values[] = { uuid, NULL };
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->participant == NULL)
    return FALSE;
  if (!nrem_store_update (self->store, NREM_ENTITY_PARTICIPANT, self->participant, fields, values,
                          &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_activate_cb (NremMechanismPicker *self,
                guint                position)
{
  nrem_mechanism_picker_choose (self, position);
}

static void
on_new_clicked_cb (NremMechanismPicker *self)
{
  nrem_mechanism_picker_show_create (self);
}

static void
on_back_clicked_cb (NremMechanismPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_create_clicked_cb (NremMechanismPicker *self)
{
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  nrem_mechanism_picker_create (self, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                country != GTK_INVALID_LIST_POSITION
                                ? nrem_participants_country_code_at (self->countries, country) : NULL,
                                type < g_strv_length ((char **) nrem_mechanism_types)
                                ? nrem_mechanism_types[type] : NULL);
}

static void
on_search_stop_cb (NremMechanismPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_show_cb (NremMechanismPicker *self)
{
  nrem_mechanism_picker_reload (self);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
nrem_mechanism_picker_dispose (GObject *object)
{
  NremMechanismPicker *self = (NremMechanismPicker *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->countries);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_MECHANISM_PICKER);
  G_OBJECT_CLASS (nrem_mechanism_picker_parent_class)->dispose (object);
}

static void
nrem_mechanism_picker_finalize (GObject *object)
{
  NremMechanismPicker *self = (NremMechanismPicker *) object;

  g_free (self->participant);
  g_free (self->country);
  g_strfreev (self->words);
  G_OBJECT_CLASS (nrem_mechanism_picker_parent_class)->finalize (object);
}

static void
nrem_mechanism_picker_class_init (NremMechanismPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_mechanism_picker_dispose;
  object_class->finalize = nrem_mechanism_picker_finalize;

  g_type_ensure (NREM_TYPE_MECHANISM_CHOICE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/participants/nrem-mechanism-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, empty_label);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, new_button);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, name_entry);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, back_button);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismPicker, create_button);
}

static void
nrem_mechanism_picker_init (NremMechanismPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_list_store_new (NREM_TYPE_MECHANISM_CHOICE);
  self->filter = gtk_custom_filter_new (match_choice, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->choices), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->types = gtk_string_list_new (NULL);
  for (guint i = 0; nrem_mechanism_types[i] != NULL; i++)
    gtk_string_list_append (self->types, nrem_mechanism_type_label (nrem_mechanism_types[i]));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (self->types));
  g_object_unref (self->types);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_button, "clicked", G_CALLBACK (on_new_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create_button, "clicked", G_CALLBACK (on_create_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_create_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
  nrem_participants_fix_mnemonic_names (GTK_WIDGET (self));
}

GtkWidget *
nrem_mechanism_picker_new (void)
{
  return g_object_new (NREM_TYPE_MECHANISM_PICKER, NULL);
}

void
nrem_mechanism_picker_set_store (NremMechanismPicker *self,
                                 NremStore           *store)
{
  g_return_if_fail (NREM_IS_MECHANISM_PICKER (self));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->countries);
  self->countries = nrem_participants_country_model (store, _("No country"));
  nrem_participants_setup_country_dropdown (self->country_dropdown, self->countries);
}

/**
 * nrem_mechanism_picker_set_participant:
 * @country: (nullable): the person's country, proposed for a new mechanism
 */
void
nrem_mechanism_picker_set_participant (NremMechanismPicker *self,
                                       const char          *uuid,
                                       const char          *country)
{
  g_return_if_fail (NREM_IS_MECHANISM_PICKER (self));

  g_free (self->participant);
  self->participant = g_strdup (uuid);
  g_free (self->country);
  self->country = g_strdup (country);
}

/* Reads the mechanisms of the store again. */
void
nrem_mechanism_picker_reload (NremMechanismPicker *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) countries = NULL;

  g_return_if_fail (NREM_IS_MECHANISM_PICKER (self));

  if (self->store == NULL || (rows = nrem_store_list_mechanisms (self->store, FALSE, NULL)) == NULL)
    return;
  if ((countries = nrem_store_list_countries (self->store, NULL)) != NULL)
    for (guint i = 0; i < countries->len; i++)
      {
        NremRow *row = g_ptr_array_index (countries, i);

        if (row->values[0] != NULL)
          g_hash_table_insert (names, row->values[0], g_strdup (row->values[1]));
      }

  for (guint i = 0; i < rows->len; i++)
    {
      NremRow *row = g_ptr_array_index (rows, i);
      NremMechanismChoice *choice = g_object_new (NREM_TYPE_MECHANISM_CHOICE, NULL);
      const char *country = row->values[1] ? g_hash_table_lookup (names, row->values[1]) : NULL;
      const char *type = nrem_mechanism_type_label (row->values[2]);
      GString *key = g_string_new (NULL);

      choice->uuid = g_strdup (row->uuid);
      choice->name = g_strdup (row->values[0] ? row->values[0] : "");
      if (country != NULL && type != NULL)
        choice->subtitle = g_strdup_printf ("%s · %s", country, type);
      else
        choice->subtitle = g_strdup (country != NULL ? country : type);
      nrem_fold_append (key, choice->name);
      nrem_fold_append (key, country);
      nrem_fold_append (key, row->values[1]);
      choice->key = g_string_free (key, FALSE);
      g_ptr_array_add (choices, choice);
    }
  g_list_store_splice (self->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->choices)),
                       choices->pdata, choices->len);
  update_empty (self);
}

void
nrem_mechanism_picker_set_search (NremMechanismPicker *self,
                                  const char          *text)
{
  g_return_if_fail (NREM_IS_MECHANISM_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

guint
nrem_mechanism_picker_get_n_shown (NremMechanismPicker *self)
{
  g_return_val_if_fail (NREM_IS_MECHANISM_PICKER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * nrem_mechanism_picker_choose:
 * @position: in the filtered list
 *
 * Makes the mechanism at @position the person's, and closes.
 */
gboolean
nrem_mechanism_picker_choose (NremMechanismPicker *self,
                              guint                position)
{
  g_autoptr(NremMechanismChoice) choice = NULL;

  g_return_val_if_fail (NREM_IS_MECHANISM_PICKER (self), FALSE);

  choice = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (choice == NULL || !set_mechanism (self, choice->uuid))
    return FALSE;
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

void
nrem_mechanism_picker_show_create (NremMechanismPicker *self)
{
  g_return_if_fail (NREM_IS_MECHANISM_PICKER (self));

  /* what was searched for is likely the name of the mechanism that was not found */
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry),
                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->countries != NULL)
    gtk_drop_down_set_selected (self->country_dropdown,
                                nrem_participants_country_position (self->countries, self->country));
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "create");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/**
 * nrem_mechanism_picker_create:
 * @country: (nullable): ISO code
 * @type: one of nrem_mechanism_types
 *
 * Creates a mechanism and makes it the person's (one transaction). On failure the reason is
 * shown in the popover and what was typed stays.
 */
gboolean
nrem_mechanism_picker_create (NremMechanismPicker *self,
                              const char          *name,
                              const char          *country,
                              const char          *type)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (NREM_IS_MECHANISM_PICKER (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  uuid = nrem_store_create_mechanism_for (self->store, self->participant, name, country, type, &error);
  if (uuid == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}
