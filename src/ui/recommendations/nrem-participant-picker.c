/* nrem-participant-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-participant-picker.h"
#include "nrem-recommendation-rules.h"
#include "nrem-store-recommendations.h"

#include <glib/gi18n.h>

/* ------------------------------------------------------------------------------------------
 * NremPersonItem
 */

struct _NremPersonItem
{
  GObject  parent_instance;

  char    *uuid;
  char    *name;
  char    *detail;
  char    *folded;
  gboolean attending;
};

G_DEFINE_FINAL_TYPE (NremPersonItem, nrem_person_item, G_TYPE_OBJECT)

enum {
  PERSON_PROP_0,
  PERSON_PROP_NAME,
  PERSON_PROP_DETAIL,
  PERSON_N_PROPS
};

static GParamSpec *person_properties[PERSON_N_PROPS];

static void
nrem_person_item_finalize (GObject *object)
{
  NremPersonItem *self = (NremPersonItem *) object;

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->detail);
  g_free (self->folded);
  G_OBJECT_CLASS (nrem_person_item_parent_class)->finalize (object);
}

static void
nrem_person_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NremPersonItem *self = NREM_PERSON_ITEM (object);

  switch (prop_id)
    {
    case PERSON_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PERSON_PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_person_item_class_init (NremPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nrem_person_item_finalize;
  object_class->get_property = nrem_person_item_get_property;

  person_properties[PERSON_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  person_properties[PERSON_PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PERSON_N_PROPS, person_properties);
}

static void
nrem_person_item_init (NremPersonItem *self)
{
}

const char *
nrem_person_item_get_uuid (NremPersonItem *self)
{
  return self->uuid;
}

const char *
nrem_person_item_get_name (NremPersonItem *self)
{
  return self->name;
}

const char *
nrem_person_item_get_detail (NremPersonItem *self)
{
  return self->detail;
}

/**
 * nrem_person_items_load:
 *
 * Returns: (transfer full): the directory as a list of #NremPersonItem, the meeting's people
 *   first
 */
GListStore *
nrem_person_items_load (NremStore   *store,
                        const char  *meeting_uuid,
                        GError     **error)
{
  g_autoptr(GPtrArray) people = nrem_store_list_people (store, meeting_uuid, error);
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list;

  if (people == NULL)
    return NULL;
  items = g_ptr_array_new_full (people->len, g_object_unref);
  for (guint i = 0; i < people->len; i++)
    {
      NremPerson *p = g_ptr_array_index (people, i);
      NremPersonItem *item = g_object_new (NREM_TYPE_PERSON_ITEM, NULL);
      g_autofree char *joined = g_strconcat (p->name ? p->name : "", " ", p->detail ? p->detail : "", NULL);

      item->uuid = g_strdup (p->uuid);
      item->name = g_strdup (p->name);
      item->detail = g_strdup (p->detail);
      item->attending = p->attending;
      item->folded = nrem_text_fold (joined);
      g_ptr_array_add (items, item);
    }
  list = g_list_store_new (NREM_TYPE_PERSON_ITEM);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return list;
}

/* ------------------------------------------------------------------------------------------
 * NremParticipantPicker
 */

struct _NremParticipantPicker
{
  GtkPopover          parent_instance;

  char               *query;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (NremParticipantPicker, nrem_participant_picker, GTK_TYPE_POPOVER)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_person (gpointer item,
               gpointer user_data)
{
  NremParticipantPicker *self = user_data;

  return self->query == NULL || nrem_text_fold_matches (NREM_PERSON_ITEM (item)->folded, self->query);
}

static void
update_stack (NremParticipantPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0
                                    ? "list" : "empty");
}

static void
pick (NremParticipantPicker *self,
      guint                  position)
{
  g_autoptr(NremPersonItem) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (item == NULL)
    return;
  g_signal_emit (self, signals[PICKED], 0, item->uuid, item->name);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate_cb (NremParticipantPicker *self,
                     guint                  position)
{
  pick (self, position);
}

static void
on_search_changed_cb (NremParticipantPicker *self)
{
  nrem_participant_picker_set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (NremParticipantPicker *self)
{
  /* the text may be newer than the last search-changed */
  nrem_participant_picker_set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  nrem_participant_picker_pick_first (self);
}

static void
on_stop_search_cb (NremParticipantPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_search_key_pressed_cb (NremParticipantPicker *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
        return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
    }
  return FALSE;
}

static void
on_show_cb (NremParticipantPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  nrem_participant_picker_set_query (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
nrem_participant_picker_dispose (GObject *object)
{
  NremParticipantPicker *self = (NremParticipantPicker *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_PARTICIPANT_PICKER);
  G_OBJECT_CLASS (nrem_participant_picker_parent_class)->dispose (object);
}

static void
nrem_participant_picker_finalize (GObject *object)
{
  NremParticipantPicker *self = (NremParticipantPicker *) object;

  g_free (self->query);
  G_OBJECT_CLASS (nrem_participant_picker_parent_class)->finalize (object);
}

static void
nrem_participant_picker_class_init (NremParticipantPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_participant_picker_dispose;
  object_class->finalize = nrem_participant_picker_finalize;

  /**
   * NremParticipantPicker::picked:
   * @uuid: the participant
   * @name: their name
   */
  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/recommendations/nrem-participant-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, NremParticipantPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantPicker, selection);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantPicker, filter_model);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantPicker, filter);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantPicker, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
}

static void
nrem_participant_picker_init (NremParticipantPicker *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_custom_filter_set_filter_func (self->filter, filter_person, self, NULL);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  update_stack (self);
}

GtkWidget *
nrem_participant_picker_new (void)
{
  return g_object_new (NREM_TYPE_PARTICIPANT_PICKER, NULL);
}

void
nrem_participant_picker_set_people (NremParticipantPicker *self,
                                    GListModel            *people)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_PICKER (self));

  gtk_filter_list_model_set_model (self->filter_model, people);
  update_stack (self);
}

void
nrem_participant_picker_set_query (NremParticipantPicker *self,
                                   const char            *query)
{
  g_autofree char *folded = nrem_text_fold (query);

  if (g_strcmp0 (folded, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

guint
nrem_participant_picker_get_n_matches (NremParticipantPicker *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/**
 * nrem_participant_picker_pick_first:
 *
 * Picks the selected match, or the first. Returns %FALSE when nothing matches.
 */
gboolean
nrem_participant_picker_pick_first (NremParticipantPicker *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (nrem_participant_picker_get_n_matches (self) == 0)
    return FALSE;
  pick (self, position != GTK_INVALID_LIST_POSITION ? position : 0);
  return TRUE;
}
